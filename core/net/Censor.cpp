#include "net/Censor.h"

#include <QRegularExpression>

namespace cq::net {

QString censorSecrets(const QString &text) {
    static const QRegularExpression patterns[] = {
        // JSON: "access_token": "..." (not "code": TikTok's error.code is no secret, and the OAuth
        // code only ever travels in form bodies and query strings)
        QRegularExpression(QStringLiteral(
            R"RX(("(?:access_token|refresh_token|client_secret|code_verifier|token)"\s*:\s*")[^"]*)RX")),
        // form bodies and query strings: access_token=...& (and the upload_token in upload URLs)
        QRegularExpression(QStringLiteral(
            R"RX(((?:^|[?&\s])(?:access_token|refresh_token|client_secret|code|code_verifier|token|upload_token)=)[^&\s]*)RX")),
        // headers
        QRegularExpression(QStringLiteral(R"RX((Authorization:\s*\w+\s+)\S+)RX"),
                           QRegularExpression::CaseInsensitiveOption),
    };
    QString censored = text;
    for (const QRegularExpression &pattern : patterns) {
        censored.replace(pattern, QStringLiteral("\\1***"));
    }
    return censored;
}

QString censoredUrl(const QUrl &url) {
    return censorSecrets(url.toString(QUrl::RemoveUserInfo));
}

} // namespace cq::net
