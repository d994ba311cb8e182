package io.quorate.coordinator.status;

import static io.quorate.coordinator.status.Html.text;

/**
 * Flat, shields-like SVG badges of a public component: its state, or its uptime over 90 days. The text is
 * white on colours with at least 4.5:1 contrast, and a {@code <title>} plus {@code aria-label} say the
 * same in words.
 */
final class Badges {
  private static final String LABEL_COLOUR = "#555";
  /** Text width is estimated (no font metrics here): about 7 px per character of 11 px Verdana. */
  private static final int CHAR_WIDTH = 7;
  private static final int PADDING = 10;

  private Badges() {}

  static String status(Component component) {
    PublicState state = component.state();
    return badge(component.name(), state.word().toLowerCase(java.util.Locale.ROOT), colour(state),
        component.name() + ": " + state.word().toLowerCase(java.util.Locale.ROOT));
  }

  static String uptime(Component component) {
    if (component.uptime().overall().isEmpty()) {
      return badge("uptime " + Uptime.DAYS + "d", "no data", colour(PublicState.UNKNOWN),
          component.name() + ": no uptime data yet");
    }
    double percent = component.uptime().overall().getAsDouble();
    String shown = Uptime.format(percent);
    String colour = percent >= 99.9 ? colour(PublicState.OPERATIONAL)
        : percent >= 99.0 ? colour(PublicState.DEGRADED) : colour(PublicState.OUTAGE);
    return badge("uptime " + Uptime.DAYS + "d", shown, colour,
        component.name() + ": " + shown + " uptime over the last " + Uptime.DAYS + " days");
  }

  private static String colour(PublicState state) {
    return switch (state) {
      case OPERATIONAL -> "#1a7f37";
      case DEGRADED -> "#9a6700";
      case OUTAGE -> "#cf222e";
      case UNKNOWN -> "#57606a";
    };
  }

  private static String badge(String label, String message, String colour, String title) {
    int labelWidth = width(label);
    int messageWidth = width(message);
    int total = labelWidth + messageWidth;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"20\" role=\"img\" aria-label=\""
        + text(title) + "\"><title>" + text(title) + "</title>"
        + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
        + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
        + "<clipPath id=\"r\"><rect width=\"" + total + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
        + "<g clip-path=\"url(#r)\"><rect width=\"" + labelWidth + "\" height=\"20\" fill=\"" + LABEL_COLOUR + "\"/>"
        + "<rect x=\"" + labelWidth + "\" width=\"" + messageWidth + "\" height=\"20\" fill=\"" + colour + "\"/>"
        + "<rect width=\"" + total + "\" height=\"20\" fill=\"url(#s)\"/></g>"
        + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
        + "<text x=\"" + labelWidth / 2 + "\" y=\"14\">" + text(label) + "</text>"
        + "<text x=\"" + (labelWidth + messageWidth / 2) + "\" y=\"14\">" + text(message) + "</text></g></svg>";
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length()) * CHAR_WIDTH + PADDING;
  }
}
