#include "ExitCode.h"

namespace cq::cli {

// No default branch: a new ErrorCode makes the compiler ask for its row here.
ExitCode exitCodeFor(ErrorCode code) {
    switch (code) {
    // The input says something that cannot be done: fix the post, the file or the id.
    case ErrorCode::MediaUnreadable:
    case ErrorCode::JsonMalformed:
    case ErrorCode::JsonInvalid:
    case ErrorCode::NotFound:
    case ErrorCode::InvalidTransition:
    case ErrorCode::ValidationFailed:
        return ExitCode::InvalidInput;
    // The command line or the configuration makes no sense (an unknown time zone, a malformed
    // database URL, invalid TikTok server settings).
    case ErrorCode::Usage:
        return ExitCode::Usage;
    // The input was fine but the run was not: the same command may work when tried again.
    case ErrorCode::Cancelled:
    case ErrorCode::Io:
    case ErrorCode::Database:
    case ErrorCode::Network:
    case ErrorCode::Conflict: // someone changed the post meanwhile
        return ExitCode::Runtime;
    }
    return ExitCode::Runtime;
}

ExitCode fail(QTextStream &err, const Error &error) {
    err << error.message << '\n';
    return exitCodeFor(error.code);
}

} // namespace cq::cli
