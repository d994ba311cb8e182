package io.quorate.coordinator.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate authorities and the certificates they sign, made for one test and written as PEM files into
 * a directory, as an operator would make them with openssl (deploy/README.md). Nothing is checked in.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private final Path dir;

  public TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** A CA: its certificate in {@code cert()}, its key kept to sign others. */
  public record Authority(String name, Path cert, X509Certificate certificate, PrivateKey key) {}

  /** A certificate and its private key as PEM files. */
  public record Issued(Path cert, Path key) {}

  public Authority authority(String name) {
    KeyPair keys = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    try {
      X509v3CertificateBuilder builder = builder(subject, subject, keys)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate cert = sign(builder, keys.getPrivate());
      return new Authority(name, write(name + "-ca.pem", cert), cert, keys.getPrivate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server certificate for these DNS names, signed by {@code ca}. */
  public Issued server(Authority ca, String fileName, String... dnsNames) {
    GeneralName[] names = new GeneralName[dnsNames.length];
    for (int i = 0; i < dnsNames.length; i++) {
      names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
    }
    return issue(ca, fileName, "CN=" + dnsNames[0], KeyPurposeId.id_kp_serverAuth, new GeneralNames(names));
  }

  /** A client certificate (mutual TLS) named {@code commonName}, signed by {@code ca}. */
  public Issued client(Authority ca, String fileName, String commonName) {
    return issue(ca, fileName, "CN=" + commonName, KeyPurposeId.id_kp_clientAuth, null);
  }

  private Issued issue(Authority ca, String fileName, String subject, KeyPurposeId purpose, GeneralNames names) {
    KeyPair keys = keyPair();
    try {
      X509v3CertificateBuilder builder = builder(new X500Name(ca.certificate().getSubjectX500Principal().getName()),
          new X500Name(subject), keys)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      if (names != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, names);
      }
      X509Certificate cert = sign(builder, ca.key());
      // PKCS#8 ("BEGIN PRIVATE KEY"), as `openssl genpkey` writes it.
      return new Issued(write(fileName + "-cert.pem", cert),
          write(fileName + "-key.pem", new JcaPKCS8Generator(keys.getPrivate(), null).generate()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String fileName, Object pemObject) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(pemObject);
    }
    Path file = dir.resolve(fileName);
    Files.writeString(file, text.toString());
    return file;
  }
}
