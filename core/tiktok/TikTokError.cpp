#include "tiktok/TikTokError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cq::tiktok {

TikTokError::Kind classify(const QString &code, std::optional<int> httpStatus) {
    if (code == u"rate_limit_exceeded" || httpStatus == 429) {
        return TikTokError::Kind::RateLimited;
    }
    if (code == u"access_token_invalid") {
        return TikTokError::Kind::Auth;
    }
    if (code == u"internal_error" || code == u"network_error" || code == u"timeout"
        || (httpStatus && *httpStatus >= 500)) {
        return TikTokError::Kind::Transient;
    }
    return TikTokError::Kind::Permanent;
}

std::optional<TikTokError> errorFromResponse(int httpStatus, const QByteArray &body) {
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    TikTokError error;
    error.httpStatus = httpStatus;
    const QJsonValue envelope = json.value(u"error");
    if (envelope.isObject()) {
        const QJsonObject object = envelope.toObject();
        error.code = object.value(u"code").toString();
        error.message = object.value(u"message").toString();
        error.logId = object.value(u"log_id").toString();
    } else if (envelope.isString()) { // OAuth endpoints
        error.code = envelope.toString();
        error.message = json.value(u"error_description").toString();
        error.logId = json.value(u"log_id").toString();
    }
    const bool ok = httpStatus >= 200 && httpStatus < 300 && (error.code.isEmpty() || error.code == u"ok");
    if (ok) {
        return std::nullopt;
    }
    if (error.code.isEmpty() || error.code == u"ok") {
        error.code = QStringLiteral("http_%1").arg(httpStatus);
    }
    error.kind = classify(error.code, httpStatus);
    return error;
}

QString TikTokError::advice() const {
    if (code == u"unaudited_client_can_only_post_to_private_accounts") {
        return QStringLiteral(
            "Your TikTok app is not audited, so it can only post with privacy \"Only me\" (SELF_ONLY) "
            "to a private account. Choose Only me, or have TikTok audit the app.");
    }
    if (code == u"privacy_level_option_mismatch") {
        return QStringLiteral("This account does not offer that privacy level any more. Pick one it offers.");
    }
    if (code == u"scope_not_authorized") {
        return QStringLiteral(
            "The account did not grant ClipQueue permission to post. Reconnect it and allow "
            "video.publish and video.upload.");
    }
    if (code == u"url_ownership_unverified") {
        return QStringLiteral(
            "TikTok pulls photos only from a URL prefix verified in your developer portal. Verify "
            "CLIPQUEUE_PHOTO_PUBLIC_URL's domain there.");
    }
    if (code.startsWith(u"spam_risk") || code == u"reached_active_user_cap") {
        return QStringLiteral("TikTok limits how often this account may post. Try again later.");
    }
    if (code == u"access_token_invalid") {
        return QStringLiteral("The account's authorisation expired. Reconnect the account.");
    }
    switch (kind) {
    case Kind::Transient:
        return QStringLiteral("TikTok or the network had a problem. ClipQueue retries by itself.");
    case Kind::RateLimited:
        return QStringLiteral("Too many requests to TikTok. ClipQueue waits and tries again.");
    case Kind::Auth:
    case Kind::Permanent:
        break;
    }
    return QStringLiteral("TikTok refused the request (%1). Check the post and try again.").arg(code);
}

TikTokError invalidAnswer(const QString &message, TikTokError::Kind kind) {
    return TikTokError{kind, QStringLiteral("invalid_answer"), message, {}, 200};
}

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

} // namespace cq::tiktok
