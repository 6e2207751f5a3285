#pragma once

#include "accounts/AccountService.h"
#include "accounts/CreatorInfoCache.h"
#include "accounts/TokenStore.h"
#include "media/MediaDownloader.h"
#include "media/MediaStore.h"
#include "net/HttpTransport.h"
#include "publish/AccountSets.h"
#include "publish/PostImporter.h"
#include "publish/PostLifecycle.h"
#include "publish/SchedulerRunner.h"
#include "session/AppConfig.h"
#include "storage/Database.h"
#include "tiktok/OAuthClient.h"
#include "tiktok/TikTokClient.h"
#include "tiktok/TikTokPublisher.h"
#include "util/Clock.h"
#include "util/Settings.h"

#include <QNetworkAccessManager>

#include <expected>
#include <functional>
#include <memory>

namespace cq {

// The services of one ClipQueue process, created once in order and shared by the desktop app and
// clipqueue-cli: configuration, the open database, the media store, the lifecycle service, the
// account sets, the creator-info cache, and (on first use) the TikTok client, OAuth and accounts. Lives on
// the main thread, which owns its network manager.
class Session {
public:
    // `actor` is whom the history rows this session writes name; empty: the profile name (AppConfig).
    // The MCP server passes "agent:CLIENT".
    static std::expected<std::unique_ptr<Session>, Error> open(const Settings &settings = Settings(),
                                                               const QString &actor = {});

    const AppConfig &config() const { return m_config; }
    // How media URLs are downloaded here: the configured rule about private addresses.
    MediaDownloader::Options mediaDownloadOptions() const;
    const Database &database() const { return *m_database; }
    const MediaStore &store() const { return *m_store; }
    PostLifecycle &posts() { return *m_posts; }
    PostImporter &importer() { return *m_importer; }
    AccountSets &accountSets() { return *m_accountSets; }
    const WorkspaceSettings &workspace() const { return m_posts->workspace(); }
    CreatorInfoCache &creators() { return *m_creators; }
    const Clock &clock() const { return m_clock; }
    QNetworkAccessManager &network() { return m_network; }
    net::HttpTransport &http() { return m_http; }

    // The TikTok side, made on first use from the settings (the environment winning, the client
    // secret and photo token from the keychain).
    struct TikTok {
        tiktok::ApiConfig config;
        std::unique_ptr<tiktok::TikTokClient> client;
        std::unique_ptr<tiktok::OAuthClient> oauth;
        std::unique_ptr<FileTokenStore> fileTokens;
        std::unique_ptr<KeychainTokenStore> tokens;
        TokenStore *store = nullptr; // the one of the two the accounts use
        std::unique_ptr<AccountService> accounts;
    };
    std::expected<TikTok *, Error> tiktok();
    // Forgets the TikTok side, so that the next tiktok() reads the settings again (the user changed
    // the TikTok app or the photo host). Whatever holds references into it must be gone first.
    void resetTikTok() { m_tiktok.reset(); }

    // The TikTok publisher on this thread's network manager; creator info it fetches before each
    // publish is cached.
    std::expected<std::unique_ptr<tiktok::TikTokPublisher>, Error> makeTikTokPublisher();
    // Runner options for this process: its id is "host-pid", and a runner of this machine whose
    // process is gone counts as dead, so its claims are taken over at once. On a shared
    // (PostgreSQL) database, posts for accounts whose tokens this machine lacks are left to others;
    // on the local database nobody else could publish them, so they fail with a clear message.
    SchedulerRunner::Options runnerOptions();

    // Asks TikTok for the account's creator info now (refreshing an expired access token once) and
    // caches it. An empty id means the default account.
    void refreshCreatorInfo(const QString &accountId,
                            std::function<void(std::expected<CreatorInfo, Error>)> done);

private:
    Session() = default;
    AppConfig m_config;
    SystemClock m_clock;
    QNetworkAccessManager m_network; // the one network manager of this (the main) thread
    net::HttpTransport m_http{m_network};
    std::unique_ptr<Database> m_database;
    std::unique_ptr<MediaStore> m_store;
    std::unique_ptr<PostLifecycle> m_posts;
    std::unique_ptr<PostImporter> m_importer;
    std::unique_ptr<AccountSets> m_accountSets;
    std::unique_ptr<CreatorInfoCache> m_creators;
    std::unique_ptr<TikTok> m_tiktok;
};

} // namespace cq
