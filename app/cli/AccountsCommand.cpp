#include "AccountsCommand.h"

#include "session/Session.h"
#include "tiktok/DesktopLogin.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QProcess>

namespace cq::cli {

ExitCode AccountsCommand::run(const QStringList &arguments, CliStreams streams) {
    const auto usage =
        QStringLiteral("Usage: clipqueue-cli accounts list\n"
                       "       clipqueue-cli accounts connect\n"
                       "       clipqueue-cli accounts disconnect ID\n"
                       "       clipqueue-cli accounts import --open-id ID --access-token T --refresh-token R "
                       "[--expires-in S]\n"
                       "                                     [--refresh-expires-in S] [--name NAME]\n");
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    const QCommandLineOption openId(QStringLiteral("open-id"), QStringLiteral("TikTok open id"),
                                    QStringLiteral("ID"));
    const QCommandLineOption access(QStringLiteral("access-token"), QStringLiteral("Access token"),
                                    QStringLiteral("T"));
    const QCommandLineOption refresh(QStringLiteral("refresh-token"), QStringLiteral("Refresh token"),
                                     QStringLiteral("R"));
    const QCommandLineOption expires(QStringLiteral("expires-in"), QStringLiteral("Seconds"),
                                     QStringLiteral("S"), QStringLiteral("7200"));
    const QCommandLineOption refreshExpires(QStringLiteral("refresh-expires-in"), QStringLiteral("Seconds"),
                                            QStringLiteral("S"), QStringLiteral("15552000"));
    const QCommandLineOption displayName(QStringLiteral("name"), QStringLiteral("Display name"),
                                         QStringLiteral("NAME"));
    parser.addOptions({openId, access, refresh, expires, refreshExpires, displayName});
    const bool known =
        action == u"list" || action == u"import" || action == u"connect" || action == u"disconnect";
    const qsizetype positional = action == u"disconnect" ? 1 : 0;
    if (!known || !parser.parse(QStringList{name()} + arguments.mid(1))
        || parser.positionalArguments().size() != positional
        || (action == u"import"
            && (parser.value(openId).isEmpty() || parser.value(access).isEmpty()
                || parser.value(refresh).isEmpty()))) {
        streams.err << usage;
        return ExitCode::Usage;
    }
    auto session = Session::open();
    if (!session) {
        streams.err << session.error().message << '\n';
        return ExitCode::Runtime;
    }
    auto tiktok = (*session)->tiktok();
    if (!tiktok) {
        streams.err << tiktok.error().message << '\n';
        return ExitCode::Usage;
    }
    AccountService &accounts = *(*tiktok)->accounts;
    if (action == u"list") {
        auto list = accounts.list();
        if (!list) {
            streams.err << list.error().message << '\n';
            return ExitCode::Runtime;
        }
        for (const Account &account : *list) {
            streams.out << account.id << "  " << account.displayName << "  open_id " << account.openId
                        << (account.isDefault ? "  (default)" : "") << "  authorised until "
                        << account.refreshExpiresAt.toString(Qt::ISODate) << '\n';
        }
        return ExitCode::Success;
    }
    if (action == u"disconnect") {
        std::optional<std::expected<void, Error>> result;
        QEventLoop loop;
        accounts.disconnect(parser.positionalArguments().constFirst(), [&](std::expected<void, Error> done) {
            result = done;
            loop.quit();
        });
        if (!result) {
            loop.exec();
        }
        if (!*result) {
            streams.err << result->error().message << '\n';
            return result->error().code == ErrorCode::NotFound ? ExitCode::InvalidInput : ExitCode::Runtime;
        }
        return ExitCode::Success;
    }
    std::expected<tiktok::TokenSet, Error> tokens = std::unexpected(Error{ErrorCode::Usage, QString()});
    if (action == u"import") {
        const QDateTime now = (*session)->clock().nowUtc();
        const auto accessSeconds = number(expires.names().first(), parser.value(expires), 1, streams.err);
        const auto refreshSeconds = accessSeconds ? number(refreshExpires.names().first(),
                                                           parser.value(refreshExpires), 1, streams.err)
                                                  : std::nullopt;
        if (!refreshSeconds) {
            streams.err << usage;
            return ExitCode::Usage;
        }
        tokens = tiktok::TokenSet{parser.value(openId),        parser.value(access),
                                  parser.value(refresh),       QString(),
                                  now.addSecs(*accessSeconds), now.addSecs(*refreshSeconds)};
    } else {
        if ((*tiktok)->config.clientKey.isEmpty() || (*tiktok)->config.clientSecret.isEmpty()) {
            streams.err
                << "Set CLIPQUEUE_TIKTOK_CLIENT_KEY and CLIPQUEUE_TIKTOK_CLIENT_SECRET to your TikTok app's "
                   "credentials first (see README).\n";
            return ExitCode::Usage;
        }
        tiktok::DesktopLogin login(*(*tiktok)->oauth, [&streams](const QUrl &url) {
            streams.err << "Opening TikTok in your browser. If nothing opens, visit:\n  "
                        << url.toString(QUrl::FullyEncoded) << '\n';
            streams.err.flush();
            QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
            return true;
        });
        QEventLoop loop;
        QObject::connect(&login, &tiktok::DesktopLogin::succeeded, &loop, [&](const tiktok::TokenSet &set) {
            tokens = set;
            loop.quit();
        });
        QObject::connect(&login, &tiktok::DesktopLogin::failed, &loop,
                         [&](const QString &, const QString &message) {
                             tokens = std::unexpected(Error{ErrorCode::Io, message});
                             loop.quit();
                         });
        login.start();
        loop.exec();
    }
    if (!tokens) {
        streams.err << tokens.error().message << '\n';
        return ExitCode::Runtime;
    }
    auto account = accounts.add(*tokens, parser.value(displayName));
    if (!account) {
        streams.err << account.error().message << '\n';
        return ExitCode::Runtime;
    }
    // Creator info right away: the nickname to show, and the limits validation checks against.
    bool creatorDone = false;
    QEventLoop waitForCreator;
    (*session)->refreshCreatorInfo(account->id, [&](std::expected<CreatorInfo, Error> info) {
        if (info) {
            streams.err << "Connected " << info->nickname << " (@" << info->username << ").\n";
        } else {
            streams.err << "warning: creator info could not be fetched (" << info.error().message
                        << "); it is fetched again before publishing.\n";
        }
        creatorDone = true;
        waitForCreator.quit();
    });
    if (!creatorDone) {
        waitForCreator.exec();
    }
    if (!(*tiktok)->tokens->warning().isEmpty()) {
        streams.err << "warning: " << (*tiktok)->tokens->warning() << '\n';
    }
    streams.out << account->id << '\n';
    return ExitCode::Success;
}

} // namespace cq::cli
