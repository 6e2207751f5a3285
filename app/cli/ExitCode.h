#pragma once

#include "util/Error.h"

#include <QTextStream>

namespace cq::cli {

// Exit codes of docs/cli.md ("Exit codes").
enum class ExitCode { Success = 0, InvalidInput = 1, Usage = 2, Runtime = 3 };

// The one table from core error codes to exit codes: every command that fails with a cq::Error
// exits with this, so the same error means the same exit code everywhere.
ExitCode exitCodeFor(ErrorCode code);

// Says what went wrong on `err` (diagnostics stream) and returns the error's exit code.
ExitCode fail(QTextStream &err, const Error &error);

} // namespace cq::cli
