#pragma once

#include "net/HttpRequest.h"

#include <QDateTime>
#include <QString>

namespace cq::net {

// Who signs a request to S3 or an S3-compatible store (Cloudflare R2, Backblaze B2, MinIO...).
struct AwsCredentials {
    QString accessKey;
    QString secretKey; // never logged
    QString region = QStringLiteral("us-east-1");
    QString service = QStringLiteral("s3");
};

// The headers that make `method url` acceptable to S3: x-amz-date, x-amz-content-sha256 and an
// Authorization header with AWS Signature Version 4 (header form). `extraHeaders` (Content-Type...)
// are signed too and must be sent unchanged; `payloadSha256Hex` is the lower-case hex SHA-256 of the
// body. The Host header signed is the URL's host, with its port when it is not the scheme's default,
// which is what Qt sends.
HttpHeaders awsSignatureV4(const QByteArray &method, const QUrl &url, const HttpHeaders &extraHeaders,
                           const QByteArray &payloadSha256Hex, const AwsCredentials &credentials,
                           const QDateTime &nowUtc);

} // namespace cq::net
