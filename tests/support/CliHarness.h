#pragma once

// Runs clipqueue-cli commands in-process for tests (header-only: the test support library does not
// link the CLI commands; the CLI tests do).
#include "CliApplication.h"

#include <QJsonDocument>
#include <QTextStream>

namespace cq::test {

struct CliRun {
    cli::ExitCode exitCode;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

inline CliRun runCli(const QStringList &arguments, cli::PublisherFactory publishers = {}) {
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    const cli::ExitCode code =
        cli::CliApplication(std::move(publishers))
            .run(QStringList{QStringLiteral("clipqueue-cli")} + arguments, {outStream, errStream});
    outStream.flush();
    errStream.flush();
    return {code, out, err};
}

} // namespace cq::test
