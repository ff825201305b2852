package dev.p2pcopy.protocol.transport;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A self-signed P-256 certificate made in the test (with Bouncy Castle's ASN.1 classes, which the protocol module
 * has anyway), written as the PEM files a relay operator would have: the certificate and its PKCS#8 key.
 *
 * @param certificate the PEM certificate file
 * @param key the PEM private key file
 */
record TestCertificate(Path certificate, Path key) {

    /**
     * Makes a certificate valid from yesterday for a week for the given names.
     *
     * @param names IP addresses ({@code 127.0.0.1}) and host names ({@code localhost})
     */
    static TestCertificate create(Path dir, String name, String... names) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();

        AlgorithmIdentifier signatureAlgorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        X500Name subject = new X500Name("CN=" + name);
        GeneralName[] alternativeNames = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            boolean ip = Character.isDigit(names[i].charAt(0));
            alternativeNames[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
        }
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));

        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(System.nanoTime())));
        tbs.setSignature(signatureAlgorithm);
        tbs.setIssuer(subject);
        tbs.setSubject(subject);
        tbs.setStartDate(new Time(Date.from(Instant.now().minus(1, ChronoUnit.DAYS))));
        tbs.setEndDate(new Time(Date.from(Instant.now().plus(7, ChronoUnit.DAYS))));
        tbs.setSubjectPublicKeyInfo(
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        tbs.setExtensions(extensions.generate());
        TBSCertificate toBeSigned = tbs.generateTBSCertificate();

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(toBeSigned.getEncoded(ASN1Encoding.DER));
        ASN1EncodableVector certificate = new ASN1EncodableVector();
        certificate.add(toBeSigned);
        certificate.add(signatureAlgorithm);
        certificate.add(new DERBitString(signer.sign()));
        byte[] der = new DERSequence(certificate).getEncoded(ASN1Encoding.DER);

        Path certificateFile = Files.writeString(dir.resolve(name + ".pem"), pem("CERTIFICATE", der));
        Path keyFile = Files.writeString(
                dir.resolve(name + "-key.pem"),
                pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        return new TestCertificate(certificateFile, keyFile);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
