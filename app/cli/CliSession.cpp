#include "CliSession.h"

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
    return session;
}

} // namespace cq::cli
