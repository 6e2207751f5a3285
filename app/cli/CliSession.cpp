#include "CliSession.h"

#include <QDir>

namespace cq::cli {

std::expected<std::unique_ptr<CliSession>, Error> CliSession::open() {
    std::unique_ptr<CliSession> session(new CliSession);
    auto config = AppConfig::load();
    if (!config) {
        return std::unexpected(config.error());
    }
    session->m_config = *config;
    auto database = Database::open(config->database);
    if (!database) {
        return std::unexpected(database.error());
    }
    session->m_database = std::move(*database);
    session->m_store = std::make_unique<MediaStore>(config->mediaStoreDirectory());
    session->m_posts = std::make_unique<PostService>(*session->m_database, *session->m_store,
                                                     session->m_clock, defaultActorName(config->profileName));
    session->m_creators = std::make_unique<CreatorInfoCache>(*session->m_database, session->m_clock);
    return session;
}

std::expected<CliSession::TikTok *, Error> CliSession::tiktok() {
    if (m_tiktok) {
        return m_tiktok.get();
    }
    auto config = tiktok::ApiConfig::fromEnvironment();
    if (!config) {
        return std::unexpected(config.error());
    }
    auto services = std::make_unique<TikTok>();
    services->config = *config;
    services->client = std::make_unique<tiktok::TikTokClient>(m_network, *config);
    services->oauth = std::make_unique<tiktok::OAuthClient>(m_network, *config, m_clock);
    services->fileTokens =
        std::make_unique<FileTokenStore>(QDir(m_config.dataDirectory).filePath(QStringLiteral("tokens")));
    // Tests and headless servers set CLIPQUEUE_TOKEN_STORE=file to skip the keychain.
    services->tokens = std::make_unique<KeychainTokenStore>(*services->fileTokens);
    services->accounts =
        std::make_unique<AccountService>(*m_database,
                                         qEnvironmentVariable("CLIPQUEUE_TOKEN_STORE") == u"file"
                                             ? static_cast<TokenStore &>(*services->fileTokens)
                                             : *services->tokens,
                                         services->oauth.get(), m_clock);
    m_tiktok = std::move(services);
    return m_tiktok.get();
}

} // namespace cq::cli
