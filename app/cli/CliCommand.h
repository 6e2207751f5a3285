#pragma once

#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>

namespace cq::cli {

// Exit codes of product.md section 6.
enum class ExitCode { Success = 0, InvalidInput = 1, Usage = 2, Runtime = 3 };

// Where a command writes: results to `out` (one JSON document with --json), diagnostics to `err`.
struct CliStreams {
    QTextStream &out;
    QTextStream &err;
};

// One subcommand of clipqueue-cli. `arguments` excludes the program and subcommand names.
class CliCommand {
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual ExitCode run(const QStringList &arguments, CliStreams streams) = 0;

protected:
    static void writeJson(QTextStream &out, const QJsonDocument &document);
};

} // namespace cq::cli
