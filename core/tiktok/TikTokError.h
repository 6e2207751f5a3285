#pragma once

#include <QByteArray>
#include <QString>

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

    // What the user should do, in words.
    QString advice() const;
};

// A 200 answer that lacks what it must carry (no tokens, no publish_id...): `invalid_answer`.
TikTokError invalidAnswer(const QString &message, TikTokError::Kind kind = TikTokError::Kind::Transient);

// Classifies an answer: nullopt when it is a success (HTTP 2xx and error.code "ok" or absent).
std::optional<TikTokError> errorFromResponse(int httpStatus, const QByteArray &body);

TikTokError::Kind classify(const QString &code, std::optional<int> httpStatus);

// Masks secrets in text about to be logged: access/refresh tokens, client secret, code,
// code_verifier and Authorization headers, in JSON, form bodies and headers alike.
QString censorSecrets(const QString &text);

} // namespace cq::tiktok
