package io.github.clerkapikeys.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made with the
 * JDK's keytool for one test run: a server key store, the certificate, and a trust store
 * holding it.
 *
 * @param keyStore the server's key store (PKCS12)
 * @param certificate the certificate (PEM)
 * @param trustStore a trust store with the certificate (PKCS12)
 * @param password the password of both stores
 */
record SelfSignedCertificate(Path keyStore, Path certificate, Path trustStore, String password) {

	static SelfSignedCertificate create(Path directory) throws IOException, InterruptedException {
		SelfSignedCertificate certificate = new SelfSignedCertificate(directory.resolve("server.p12"),
				directory.resolve("server.crt"), directory.resolve("trust.p12"), "test-only-password");
		certificate.keytool("-genkeypair", "-alias", "clerk", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
				"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore",
				certificate.keyStore.toString(), "-storetype", "PKCS12", "-storepass", certificate.password, "-keypass",
				certificate.password);
		certificate.keytool("-exportcert", "-rfc", "-alias", "clerk", "-keystore", certificate.keyStore.toString(),
				"-storepass", certificate.password, "-file", certificate.certificate.toString());
		certificate.keytool("-importcert", "-noprompt", "-alias", "clerk", "-file", certificate.certificate.toString(),
				"-keystore", certificate.trustStore.toString(), "-storetype", "PKCS12", "-storepass",
				certificate.password);
		return certificate;
	}

	/**
	 * Return the properties of an SSL bundle named {@code name} that trusts this
	 * certificate.
	 */
	String[] bundleProperties(String name) {
		String prefix = "spring.ssl.bundle.jks." + name + ".truststore.";
		return new String[] { prefix + "location=file:" + this.trustStore, prefix + "password=" + this.password,
				prefix + "type=PKCS12" };
	}

	private void keytool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
		}
	}

}
