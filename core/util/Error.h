#pragma once

#include <QString>

namespace cq {

// Stable error codes. Zero is deliberately not a valid code. Add codes, never renumber or rename
// the strings returned by errorCodeName(): scripts and tests rely on them.
enum class ErrorCode {
    MediaUnreadable = 1,
    JsonMalformed,
    JsonInvalid,
    Cancelled,
    Io,
    Database,          // the database failed or refused (a newer schema, a lost connection)
    NotFound,          // no such post, account or stored media
    InvalidTransition, // the post's state does not allow that action now
    ValidationFailed,  // the post has validation errors
    Conflict,          // someone else changed the post first
    Usage,             // the caller passed something that makes no sense
    Network,           // a platform could not be reached or refused the request
};

// The stable dotted name of a code, e.g. "media.unreadable".
QString errorCodeName(ErrorCode code);

// An error as a value: a stable code for programs and a message for people that says what to do.
struct Error {
    ErrorCode code;
    QString message;
};

} // namespace cq
