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
};

// The stable dotted name of a code, e.g. "media.unreadable".
QString errorCodeName(ErrorCode code);

// An error as a value: a stable code for programs and a message for people that says what to do.
struct Error {
    ErrorCode code;
    QString message;
};

} // namespace cq
