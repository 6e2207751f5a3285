#include "session/Session.h"

#include "accounts/SecretStore.h"
#include "storage/MediaGarbageCollector.h"
#include "tiktok/AccountToken.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QLoggingCategory>

#include <cerrno>
#include <csignal>

Q_LOGGING_CATEGORY(lcSession, "clipqueue.session", QtWarningMsg)

namespace cq {

std::expected<std::unique_ptr<Session>, Error> Session::open(const Settings &settings, const QString &actor) {
    std::unique_ptr<Session> session(new Session);
    auto config = AppConfig::load(settings);
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
    session->m_posts =
        std::make_unique<PostLifecycle>(*session->m_database, *session->m_store, session->m_clock,
                                        actor.isEmpty() ? config->actorName() : actor);
    session->m_importer = std::make_unique<PostImporter>(*session->m_posts, *session->m_store);
    session->m_accountSets = std::make_unique<AccountSets>(*session->m_database, session->m_clock);
    session->m_creators = std::make_unique<CreatorInfoCache>(*session->m_database, session->m_clock);
    // Leftovers of copies that were killed and of creates that failed, old enough not to belong to
    // one still running. A failure here does not stop the session (a read-only database, say).
    if (auto collected = MediaGarbageCollector(*session->m_database, *session->m_store).collect();
        !collected) {
        qCWarning(lcSession).noquote() << "Cleaning the media store failed:" << collected.error().message;
    }
    return session;
}

MediaDownloader::Options Session::mediaDownloadOptions() const {
    MediaDownloader::Options options;
    options.allowPrivateAddresses = m_config.allowPrivateMediaUrls;
    return options;
}

std::expected<Session::TikTok *, Error> Session::tiktok() {
    if (m_tiktok) {
        return m_tiktok.get();
    }
    Settings settings;
    SecretStore(m_config.secretsDirectory()).loadInto(settings);
    // Waiting for the keychain ran this thread's events, which may have made the services already.
    if (m_tiktok) {
        return m_tiktok.get();
    }
    auto config = tiktok::ApiConfig::fromSettings(settings);
    if (!config) {
        return std::unexpected(config.error());
    }
    auto services = std::make_unique<TikTok>();
    services->config = *config;
    services->client = std::make_unique<tiktok::TikTokClient>(m_http, *config);
    services->oauth = std::make_unique<tiktok::OAuthClient>(m_http, *config, m_clock);
    services->fileTokens =
        std::make_unique<FileTokenStore>(QDir(m_config.dataDirectory).filePath(QStringLiteral("tokens")));
    // Tests and headless servers set CLIPQUEUE_TOKEN_STORE=file to skip the keychain.
    services->tokens = std::make_unique<KeychainTokenStore>(*services->fileTokens);
    services->store = SecretStore::filesOnly() ? static_cast<TokenStore *>(services->fileTokens.get())
                                               : services->tokens.get();
    services->accounts =
        std::make_unique<AccountService>(*m_database, *services->store, services->oauth.get(), m_clock,
                                         QDir(m_config.dataDirectory).filePath(QStringLiteral("locks")));
    m_tiktok = std::move(services);
    return m_tiktok.get();
}

std::expected<std::unique_ptr<tiktok::TikTokPublisher>, Error> Session::makeTikTokPublisher() {
    auto services = tiktok();
    if (!services) {
        return std::unexpected(services.error());
    }
    auto publisher = std::make_unique<tiktok::TikTokPublisher>(
        *(*services)->client, *(*services)->accounts, *m_store, m_clock, tiktok::TikTokPublisher::Options{});
    QObject::connect(publisher.get(), &tiktok::TikTokPublisher::creatorInfoFetched, publisher.get(),
                     [this](const QString &idOrOpenId, const CreatorInfo &info) {
                         // The post names its account by id, open id, or not at all (the default).
                         auto account = m_tiktok->accounts->find(idOrOpenId);
                         auto cached = account ? m_creators->store(account->id, info)
                                               : std::expected<void, Error>(std::unexpected(account.error()));
                         if (!cached) {
                             qCWarning(lcSession).noquote() << cached.error().message;
                         }
                     });
    return publisher;
}

SchedulerRunner::Options Session::runnerOptions() {
    SchedulerRunner::Options options;
    if (m_config.database.backend == DatabaseConfig::Backend::Postgres) {
        options.canPublish = [this](const StoredPost &post) {
            auto services = tiktok();
            return services && (*services)->accounts->accessToken(post.accountId()).has_value();
        };
    }
    const QString host = QHostInfo::localHostName();
    options.runnerId = host + u'-' + QString::number(QCoreApplication::applicationPid());
    options.isRunnerDead = [host](const QString &runnerId) {
        if (!runnerId.startsWith(host + u'-')) {
            return false;
        }
        bool ok = false;
        const qint64 pid = runnerId.mid(host.size() + 1).toLongLong(&ok);
        return ok && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
    };
    return options;
}

void Session::refreshCreatorInfo(const QString &accountId,
                                 std::function<void(std::expected<CreatorInfo, Error>)> done) {
    auto services = tiktok();
    auto account = services ? (*services)->accounts->find(accountId) : std::unexpected(services.error());
    auto token = account ? tiktok::AccountToken::open(*(*services)->accounts, account->id)
                         : std::unexpected(account.error());
    if (!token) {
        done(std::unexpected(token.error()));
        return;
    }
    (*token)->call<CreatorInfo>(
        [this](const QString &accessToken, auto answer) {
            m_tiktok->client->queryCreatorInfo(accessToken, answer);
        },
        [this, accountId = account->id,
         done = std::move(done)](std::expected<CreatorInfo, tiktok::TikTokError> info) {
            if (!info) {
                done(std::unexpected(Error{ErrorCode::Network, info.error().message}));
                return;
            }
            auto cached = m_creators->store(accountId, *info);
            done(cached ? std::expected<CreatorInfo, Error>(*info) : std::unexpected(cached.error()));
        });
}

} // namespace cq
