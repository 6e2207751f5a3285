#pragma once

// Runs clipqueue-cli commands in-process for tests (header-only: the test support library does not
// link the CLI commands; the CLI tests do).
#include "CliApplication.h"
#include "TikTokStandIn.h"

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

// Points ClipQueue at `standIn` with its data in `dataDirectory` (tokens in a file: no keychain on a
// test machine) and connects "Ana" there as `accounts import` does on a headless machine.
inline CliRun connectStandInAccount(const TikTokStandIn &standIn, const QString &dataDirectory) {
    qputenv("CLIPQUEUE_DATA_DIR", dataDirectory.toUtf8());
    qputenv("CLIPQUEUE_TIKTOK_API_BASE", standIn.apiBase().toUtf8());
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_KEY", standIn.clientKey.toUtf8());
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_SECRET", standIn.clientSecret.toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    qunsetenv("CLIPQUEUE_DATABASE_URL");
    return runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("--open-id"),
                   QStringLiteral("open-ana"), QStringLiteral("--access-token"), standIn.accessToken,
                   QStringLiteral("--refresh-token"), standIn.refreshToken, QStringLiteral("--name"),
                   QStringLiteral("Ana")});
}

} // namespace cq::test
