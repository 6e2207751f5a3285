#pragma once

#include "util/Error.h"
#include "util/Settings.h"

#include <QObject>
#include <QString>

#include <expected>
#include <functional>

namespace cq {

// The secrets among the settings (the TikTok app's client secret, the photo upload token), kept
// where the account tokens are: the system keychain (QtKeychain), never the settings file. With
// CLIPQUEUE_TOKEN_STORE=file (tests, headless servers), or where no keychain service runs, in a
// file only the user can read under `fileDirectory` (the data folder's "secrets").
//
// read() and write() never block: QtKeychain jobs are asynchronous, and `done` runs later on the
// caller's event loop (the settings dialog calls them on the GUI thread). readNow() waits in a
// local event loop, for the Backend's worker thread and the CLI.
class SecretStore : public QObject {
    Q_OBJECT

public:
    using ReadDone = std::function<void(std::expected<QString, Error>)>;
    using WriteDone = std::function<void(std::expected<void, Error>)>;

    explicit SecretStore(QString fileDirectory, QObject *parent = nullptr);

    // An unset secret reads as an empty string, not as an error.
    void read(Setting secret, ReadDone done);
    // An empty value removes the secret.
    void write(Setting secret, const QString &value, WriteDone done);
    std::expected<QString, Error> readNow(Setting secret);

    // Reads every secret the environment does not override into `settings`; errors are logged and
    // leave the secret empty (connecting then says what is missing).
    void loadInto(Settings &settings);

    // True when CLIPQUEUE_TOKEN_STORE=file asks for files instead of the keychain.
    static bool filesOnly();

private:
    QString pathFor(Setting secret) const;
    std::expected<QString, Error> readFile(Setting secret) const;
    std::expected<void, Error> writeFile(Setting secret, const QString &value) const;

    QString m_fileDirectory;
};

} // namespace cq
