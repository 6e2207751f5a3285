#pragma once

#include "ExitCode.h"

#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace cq::cli {

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
    // A whole number of at least `minimum` from option `name`, or a message that says what is wrong.
    static std::optional<qint64> number(const QString &name, const QString &value, qint64 minimum,
                                        QTextStream &err);
};

} // namespace cq::cli
