#pragma once

#include "net/HttpResult.h"
#include "util/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <expected>
#include <functional>
#include <optional>

namespace cq::tiktok {

// What a failed TikTok call said, from its error envelope {data, error: {code, message, log_id}}
// (or the OAuth form {error, error_description, log_id}), with the HTTP status.
struct TikTokError {
    enum class Kind {
        Transient,   // network errors, timeouts, 5xx, dropped connections: retry with backoff
        RateLimited, // 429 / rate_limit_exceeded: wait out the per-minute window
        Auth,        // access_token_invalid: refresh once, then retry
        Permanent,   // invalid parameters, privacy, audit, spam, scope: tell the user
    };
    Kind kind = Kind::Permanent;
    QString code; // TikTok's error.code, or "network_error" / "timeout" for transport failures
    QString message;
    QString logId;
    std::optional<int> httpStatus;
    // The message already says what to do (it came from a cq::Error, whose messages do).
    bool messageHasAdvice = false;

    // What the user should do, in words; empty when the message says it.
    QString advice() const;
    // The message followed by the advice: what a person reads.
    QString messageWithAdvice() const;
};

template<typename T>
using TikTokCallback = std::function<void(std::expected<T, TikTokError>)>;

// A 200 answer that lacks what it must carry (no tokens, no publish_id...): `invalid_answer`.
TikTokError invalidAnswer(const QString &message, TikTokError::Kind kind = TikTokError::Kind::Transient);

// Classifies an answer: nullopt when it is a success (HTTP 2xx and error.code "ok" or absent).
std::optional<TikTokError> errorFromResponse(int httpStatus, const QByteArray &body);

TikTokError::Kind classify(const QString &code, std::optional<int> httpStatus);

// A transport failure as TikTok's callers see it: "timeout" or "network_error", retried
// (Transient), except a refused insecure URL or redirect, which no retry mends.
TikTokError fromNetError(const net::NetError &error, int httpStatus);

// A ClipQueue error (a refused token refresh...) in the place of TikTok's answer.
TikTokError fromError(const Error &error, const QString &code, TikTokError::Kind kind);

// The JSON object of a complete answer from TikTok (API or OAuth), or what went wrong: the
// transport's failure, the error envelope, or a status other than 2xx.
std::expected<QJsonObject, TikTokError> answerJson(const net::HttpResult &result);

} // namespace cq::tiktok
