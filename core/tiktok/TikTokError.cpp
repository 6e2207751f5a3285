#include "tiktok/TikTokError.h"

#include <QJsonDocument>
#include <QJsonObject>

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

QString TikTokError::messageWithAdvice() const {
    const QString words = advice();
    return words.isEmpty() ? message : message + u' ' + words;
}

QString TikTokError::advice() const {
    if (messageHasAdvice) {
        return {};
    }
    if (code == u"unaudited_client_can_only_post_to_private_accounts") {
        return QStringLiteral(
            "Your TikTok app is not audited, so TikTok takes its posts only with privacy \"Only me\" "
            "(SELF_ONLY) and only while the TikTok account itself is private: a private post from a public "
            "account is refused too. Make the account private in the TikTok app and choose Only me, or "
            "send the post to the TikTok inbox instead (the creator posts it from the app), or have "
            "TikTok audit the app.");
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
    TikTokError error;
    error.kind = kind;
    error.code = QStringLiteral("invalid_answer");
    error.message = message;
    error.httpStatus = 200;
    return error;
}

TikTokError fromNetError(const net::NetError &error, int httpStatus) {
    using net::NetFailure;
    TikTokError converted;
    const bool slow = error.failure == NetFailure::Timeout || error.failure == NetFailure::DeadlineExceeded;
    const bool refused =
        error.failure == NetFailure::InsecureUrl || error.failure == NetFailure::RedirectRefused;
    converted.code = slow      ? QStringLiteral("timeout")
                     : refused ? QStringLiteral("insecure_url")
                               : QStringLiteral("network_error");
    converted.kind = refused ? TikTokError::Kind::Permanent : TikTokError::Kind::Transient;
    converted.message = refused ? error.error().message : error.what;
    converted.messageHasAdvice = refused;
    if (httpStatus != 0) {
        converted.httpStatus = httpStatus;
    }
    return converted;
}

TikTokError fromError(const Error &error, const QString &code, TikTokError::Kind kind) {
    TikTokError converted;
    converted.kind = kind;
    converted.code = code;
    converted.message = error.message;
    converted.messageHasAdvice = true;
    return converted;
}

std::expected<QJsonObject, TikTokError> answerJson(const net::HttpResult &result) {
    if (result.netError) {
        return std::unexpected(fromNetError(*result.netError, result.httpStatus));
    }
    if (auto error = errorFromResponse(result.httpStatus, result.body)) {
        return std::unexpected(*error);
    }
    return QJsonDocument::fromJson(result.body).object();
}

} // namespace cq::tiktok
