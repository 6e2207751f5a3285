#include "util/Error.h"

namespace cq {

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::MediaUnreadable:
        return QStringLiteral("media.unreadable");
    case ErrorCode::JsonMalformed:
        return QStringLiteral("post.json_malformed");
    case ErrorCode::JsonInvalid:
        return QStringLiteral("post.json_invalid");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Io:
        return QStringLiteral("io.failed");
    case ErrorCode::Database:
        return QStringLiteral("database.failed");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::InvalidTransition:
        return QStringLiteral("post.invalid_transition");
    case ErrorCode::ValidationFailed:
        return QStringLiteral("post.validation_failed");
    case ErrorCode::Conflict:
        return QStringLiteral("post.conflict");
    case ErrorCode::Usage:
        return QStringLiteral("usage");
    case ErrorCode::Network:
        return QStringLiteral("network.failed");
    }
    return QStringLiteral("unknown");
}

} // namespace cq
