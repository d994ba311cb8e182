package io.quorate.coordinator.api;

/** The addressed resource does not exist (or no longer does): answered 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what) {
    super(what + " not found");
  }
}
