/*
 * The development certificate that office-addin-dev-certs installs (`npm run certs`, which fetches that tool
 * on demand): read where it writes it, never installed from here (that needs administrator rights).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { X509Certificate } = require("crypto");

const DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/** { ca, cert, key } when the certificate files are there and the certificate is valid today, else undefined. */
function devCertificate() {
  try {
    const read = (f) => fs.readFileSync(path.join(DIR, f));
    const cert = read("localhost.crt");
    const x509 = new X509Certificate(cert);
    const now = Date.now();
    if (now < Date.parse(x509.validFrom) || now > Date.parse(x509.validTo)) return undefined;
    return { ca: read("ca.crt"), cert, key: read("localhost.key") };
  } catch {
    return undefined;
  }
}

module.exports = { devCertificate, DIR };
