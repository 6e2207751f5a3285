#include "accounts/SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>

#include <optional>

Q_LOGGING_CATEGORY(lcSecrets, "clipqueue.secrets", QtInfoMsg)

namespace cq {

namespace {

const QString keychainService = QStringLiteral("ClipQueue settings");

// The keychain entry and file name of each secret: a stable contract, never rename.
QString keyOf(Setting secret) {
    switch (secret) {
    case Setting::TikTokClientSecret:
        return QStringLiteral("tiktokClientSecret");
    case Setting::PhotoS3SecretKey:
        return QStringLiteral("photoS3SecretKey");
    default:
        return QStringLiteral("photoUploadToken");
    }
}

// No keychain service (or none that works): the file takes over, as it does for tokens.
bool keychainMissing(QKeychain::Error code) {
    return code == QKeychain::NoBackendAvailable || code == QKeychain::OtherError
           || code == QKeychain::NotImplemented;
}

// Runs `done` from the event loop, never inside the caller's own call.
template<typename Done, typename Result>
void later(QObject *context, Done done, Result result) {
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

} // namespace

SecretStore::SecretStore(QString fileDirectory, QObject *parent)
    : QObject(parent)
    , m_fileDirectory(std::move(fileDirectory)) {
}

bool SecretStore::filesOnly() {
    return qEnvironmentVariable("CLIPQUEUE_TOKEN_STORE") == u"file";
}

QString SecretStore::pathFor(Setting secret) const {
    return QDir(m_fileDirectory).filePath(keyOf(secret));
}

std::expected<QString, Error> SecretStore::readFile(Setting secret) const {
    QFile file(pathFor(secret));
    if (!file.exists()) {
        return QString();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(Error{ErrorCode::Io, u"Cannot read a stored secret: " + file.errorString()});
    }
    return QString::fromUtf8(file.readAll());
}

std::expected<void, Error> SecretStore::writeFile(Setting secret, const QString &value) const {
    if (value.isEmpty()) {
        QFile::remove(pathFor(secret));
        return {};
    }
    if (!QDir().mkpath(m_fileDirectory)) {
        return std::unexpected(Error{ErrorCode::Io, u"Cannot create " + m_fileDirectory + u'.'});
    }
    QFile::setPermissions(m_fileDirectory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(pathFor(secret));
    if (!file.open(QIODevice::WriteOnly)) {
        return std::unexpected(Error{ErrorCode::Io, u"Cannot save the secret: " + file.errorString()});
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // only the user, from the start
    file.write(value.toUtf8());
    if (!file.commit()) {
        return std::unexpected(Error{ErrorCode::Io, u"Cannot save the secret: " + file.errorString()});
    }
    return {};
}

void SecretStore::read(Setting secret, ReadDone done) {
    if (filesOnly()) {
        later(this, std::move(done), readFile(secret));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(keychainService, this);
    job->setKey(keyOf(secret));
    connect(job, &QKeychain::Job::finished, this, [this, job, secret, done = std::move(done)] {
        if (job->error() == QKeychain::NoError) {
            done(job->textData());
        } else if (job->error() == QKeychain::EntryNotFound) {
            done(readFile(secret)); // saved while no keychain ran, or never saved
        } else if (keychainMissing(job->error())) {
            qCWarning(lcSecrets) << "no keychain; reading the secret from its file";
            done(readFile(secret));
        } else {
            done(std::unexpected(Error{ErrorCode::Io, u"The keychain refused: " + job->errorString()}));
        }
    });
    job->start(); // auto-deletes once finished
}

void SecretStore::write(Setting secret, const QString &value, WriteDone done) {
    if (filesOnly()) {
        later(this, std::move(done), writeFile(secret, value));
        return;
    }
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(keychainService, this);
    } else {
        auto *writing = new QKeychain::WritePasswordJob(keychainService, this);
        writing->setTextData(value);
        job = writing;
    }
    job->setKey(keyOf(secret));
    connect(job, &QKeychain::Job::finished, this, [this, job, secret, value, done = std::move(done)] {
        const QKeychain::Error error = job->error();
        if (error == QKeychain::NoError || (value.isEmpty() && error == QKeychain::EntryNotFound)) {
            writeFile(secret, QString()); // an older copy in the file must not come back
            done({});
        } else if (keychainMissing(error)) {
            qCWarning(lcSecrets) << "no keychain; the secret goes to a file only this user can read";
            done(writeFile(secret, value));
        } else {
            done(std::unexpected(Error{ErrorCode::Io, u"The keychain refused: " + job->errorString()}));
        }
    });
    job->start();
}

std::expected<QString, Error> SecretStore::readNow(Setting secret) {
    if (filesOnly()) {
        return readFile(secret); // no event loop, so nothing else runs meanwhile
    }
    std::optional<std::expected<QString, Error>> result;
    QEventLoop loop;
    read(secret, [&](std::expected<QString, Error> value) {
        result = std::move(value);
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    return *result;
}

void SecretStore::loadInto(Settings &settings) {
    for (Setting secret :
         {Setting::TikTokClientSecret, Setting::PhotoUploadToken, Setting::PhotoS3SecretKey}) {
        if (settings.fromEnvironment(secret)) {
            continue; // the environment wins: no keychain prompt for nothing
        }
        auto value = readNow(secret);
        if (!value) {
            qCWarning(lcSecrets).noquote() << value.error().message;
            continue;
        }
        settings.setSecret(secret, *value);
    }
}

} // namespace cq
