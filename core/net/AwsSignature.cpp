#include "net/AwsSignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

#include <algorithm>
#include <map>

namespace cq::net {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message) {
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray &bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// RFC 3986 unreserved characters stay, everything else is %XX (upper case), '/' kept in paths.
QByteArray uriEncode(const QByteArray &decoded, bool keepSlash) {
    return QUrl::toPercentEncoding(QString::fromUtf8(decoded), keepSlash ? "/" : "", {});
}

QByteArray canonicalQuery(const QUrl &url) {
    std::multimap<QByteArray, QByteArray> sorted;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        sorted.emplace(uriEncode(key.toUtf8(), false), uriEncode(value.toUtf8(), false));
    }
    QByteArrayList pairs;
    for (const auto &[key, value] : sorted) {
        pairs << key + '=' + value;
    }
    return pairs.join('&');
}

QByteArray hostHeader(const QUrl &url) {
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (url.port(defaultPort) != defaultPort) {
        host += ':' + QByteArray::number(url.port());
    }
    return host;
}

} // namespace

HttpHeaders awsSignatureV4(const QByteArray &method, const QUrl &url, const HttpHeaders &extraHeaders,
                           const QByteArray &payloadSha256Hex, const AwsCredentials &credentials,
                           const QDateTime &nowUtc) {
    const QByteArray amzDate = nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    const QByteArray date = amzDate.left(8);
    HttpHeaders added{{"x-amz-date", amzDate}, {"x-amz-content-sha256", payloadSha256Hex}};

    std::map<QByteArray, QByteArray> headers{{"host", hostHeader(url)}};
    for (const auto &[name, value] : extraHeaders + added) {
        headers[name.toLower()] = value.trimmed();
    }
    QByteArray canonicalHeaders;
    QByteArrayList names;
    for (const auto &[name, value] : headers) {
        canonicalHeaders += name + ':' + value + '\n';
        names << name;
    }
    const QByteArray signedHeaders = names.join(';');
    const QByteArray path =
        url.path(QUrl::FullyDecoded).isEmpty() ? QByteArray("/") : url.path(QUrl::FullyDecoded).toUtf8();
    const QByteArray canonicalRequest = method + '\n' + uriEncode(path, true) + '\n' + canonicalQuery(url)
                                        + '\n' + canonicalHeaders + '\n' + signedHeaders + '\n'
                                        + payloadSha256Hex;
    const QByteArray scope =
        date + '/' + credentials.region.toUtf8() + '/' + credentials.service.toUtf8() + "/aws4_request";
    const QByteArray stringToSign =
        "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
    QByteArray key = hmac("AWS4" + credentials.secretKey.toUtf8(), date);
    key = hmac(key, credentials.region.toUtf8());
    key = hmac(key, credentials.service.toUtf8());
    key = hmac(key, "aws4_request");
    const QByteArray signature = hmac(key, stringToSign).toHex();
    added.append({"Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKey.toUtf8() + '/'
                                       + scope + ", SignedHeaders=" + signedHeaders
                                       + ", Signature=" + signature});
    return added;
}

} // namespace cq::net
