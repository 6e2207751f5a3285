#pragma once

#include "tiktok/TokenSet.h"
#include "util/Error.h"

#include <QString>

#include <expected>

namespace cq {

// Where an account's tokens live: never in the database, never in a log. The system keychain
// (QtKeychain) when a keychain service runs; otherwise a file only the user can read, with a warning.
class TokenStore {
public:
    virtual ~TokenStore() = default;
    virtual std::expected<void, Error> save(const QString &openId, const tiktok::TokenSet &tokens) = 0;
    virtual std::expected<tiktok::TokenSet, Error> load(const QString &openId) = 0;
    virtual std::expected<void, Error> remove(const QString &openId) = 0;
};

// tokens/<open id>.json under the data directory, mode 0600, replaced atomically (QSaveFile), so
// a crash mid-refresh never loses the rotated refresh token.
class FileTokenStore final : public TokenStore {
public:
    explicit FileTokenStore(QString directory);
    std::expected<void, Error> save(const QString &openId, const tiktok::TokenSet &tokens) override;
    std::expected<tiktok::TokenSet, Error> load(const QString &openId) override;
    std::expected<void, Error> remove(const QString &openId) override;

private:
    QString pathFor(const QString &openId) const;
    QString m_directory;
};

// The system keychain, falling back to `fallback` (with a warning, once) where none is available.
class KeychainTokenStore final : public TokenStore {
public:
    explicit KeychainTokenStore(TokenStore &fallback);
    std::expected<void, Error> save(const QString &openId, const tiktok::TokenSet &tokens) override;
    std::expected<tiktok::TokenSet, Error> load(const QString &openId) override;
    std::expected<void, Error> remove(const QString &openId) override;
    bool usesFallback() const { return m_useFallback; }
    QString warning() const;

private:
    TokenStore &m_fallback;
    bool m_useFallback = false;
};

} // namespace cq
