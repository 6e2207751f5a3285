#pragma once

#include <QString>
#include <QUrl>

namespace cq::net {

// The one censoring function: every text about HTTP that may reach a log or a message goes through
// it. Masks access/refresh tokens, client secret, code, code_verifier, upload tokens and
// Authorization headers, in JSON, form bodies, query strings and headers alike. TikTok's
// error.code is no secret and stays readable.
QString censorSecrets(const QString &text);

// A URL as it may be logged: without user info, secrets in its query masked.
QString censoredUrl(const QUrl &url);

} // namespace cq::net
