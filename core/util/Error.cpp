#include "util/Error.h"

namespace cq {

QString errorCodeName(ErrorCode code)
{
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
    }
    return QStringLiteral("unknown");
}

} // namespace cq
