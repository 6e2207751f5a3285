#include "accounts/TokenStore.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcTokens, "clipqueue.tokens", QtInfoMsg)

namespace cq {

namespace {

const QString keychainService = QStringLiteral("ClipQueue TikTok");

std::expected<tiktok::TokenSet, Error> deserialize(const QByteArray &bytes) {
    auto tokens = tiktok::TokenSet::fromStoredJson(bytes);
    if (!tokens) {
        return std::unexpected(
            Error{ErrorCode::NotFound, QStringLiteral("The stored tokens are damaged; reconnect "
                                                      "the account.")});
    }
    return *tokens;
}

// Runs a QtKeychain job to completion; true when the keychain answered, false when there is none.
bool runJob(QKeychain::Job &job, Error *error) {
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError) {
        return true;
    }
    if (error) {
        *error = Error{job.error() == QKeychain::EntryNotFound ? ErrorCode::NotFound : ErrorCode::Io,
                       QStringLiteral("The keychain refused: ") + job.errorString()};
    }
    return false;
}

bool keychainMissing(const Error &error, QKeychain::Error code) {
    Q_UNUSED(error);
    return code == QKeychain::NoBackendAvailable || code == QKeychain::OtherError
           || code == QKeychain::NotImplemented;
}

} // namespace

FileTokenStore::FileTokenStore(QString directory)
    : m_directory(std::move(directory)) {
}

QString FileTokenStore::pathFor(const QString &openId) const {
    const QString safe = QString::fromLatin1(openId.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
    return QDir(m_directory).filePath(safe + u".json");
}

std::expected<void, Error> FileTokenStore::save(const QString &openId, const tiktok::TokenSet &tokens) {
    if (!QDir().mkpath(m_directory)) {
        return std::unexpected(Error{ErrorCode::Io, u"Cannot create " + m_directory + u'.'});
    }
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(pathFor(openId));
    if (!file.open(QIODevice::WriteOnly)) {
        return std::unexpected(
            Error{ErrorCode::Io, u"Cannot save the account's tokens: " + file.errorString()});
    }
    // Only the user may read it, from the moment it exists.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(tokens.toStoredJson());
    if (!file.commit()) {
        return std::unexpected(
            Error{ErrorCode::Io, u"Cannot save the account's tokens: " + file.errorString()});
    }
    return {};
}

std::expected<tiktok::TokenSet, Error> FileTokenStore::load(const QString &openId) {
    QFile file(pathFor(openId));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(
            Error{ErrorCode::NotFound, QStringLiteral("No tokens are stored for this account; "
                                                      "connect it again.")});
    }
    return deserialize(file.readAll());
}

std::expected<void, Error> FileTokenStore::remove(const QString &openId) {
    QFile::remove(pathFor(openId));
    return {};
}

KeychainTokenStore::KeychainTokenStore(TokenStore &fallback)
    : m_fallback(fallback) {
}

QString KeychainTokenStore::warning() const {
    return m_useFallback
               ? QStringLiteral("No system keychain is available: TikTok tokens are kept in a file only "
                                "your user can read.")
               : QString();
}

std::expected<void, Error> KeychainTokenStore::save(const QString &openId, const tiktok::TokenSet &tokens) {
    if (!m_useFallback) {
        QKeychain::WritePasswordJob job(keychainService);
        job.setKey(openId);
        job.setBinaryData(tokens.toStoredJson());
        Error error{ErrorCode::Io, {}};
        if (runJob(job, &error)) {
            return {};
        }
        if (!keychainMissing(error, job.error())) {
            return std::unexpected(error);
        }
        m_useFallback = true;
        qCWarning(lcTokens).noquote() << warning();
    }
    return m_fallback.save(openId, tokens);
}

std::expected<tiktok::TokenSet, Error> KeychainTokenStore::load(const QString &openId) {
    if (!m_useFallback) {
        QKeychain::ReadPasswordJob job(keychainService);
        job.setKey(openId);
        Error error{ErrorCode::Io, {}};
        if (runJob(job, &error)) {
            auto stored = deserialize(job.binaryData());
            // A keychain that failed once this session (and came back later) may hold older tokens
            // than the file the refresh fell back to: the newer pair wins, since refresh tokens rotate.
            auto inFile = m_fallback.load(openId);
            if (stored && inFile && inFile->accessExpiresAt > stored->accessExpiresAt) {
                qCWarning(lcTokens) << "the token file is newer than the keychain entry: using it";
                if (auto moved = save(openId, *inFile); moved && !m_useFallback) { // back in the keychain
                    m_fallback.remove(openId);
                }
                return inFile;
            }
            return stored;
        }
        if (!keychainMissing(error, job.error())) {
            return std::unexpected(error);
        }
        m_useFallback = true;
        qCWarning(lcTokens).noquote() << warning();
    }
    return m_fallback.load(openId);
}

std::expected<void, Error> KeychainTokenStore::remove(const QString &openId) {
    if (!m_useFallback) {
        QKeychain::DeletePasswordJob job(keychainService);
        job.setKey(openId);
        runJob(job, nullptr);
    }
    return m_fallback.remove(openId);
}

} // namespace cq
