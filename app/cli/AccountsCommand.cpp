#include "AccountsCommand.h"

#include "AccountSetsCommand.h"

#include "publish/QueueSlots.h"
#include "session/Session.h"
#include "storage/AccountRepository.h"
#include "storage/PostingTimesRepository.h"
#include "tiktok/DesktopLogin.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimeZone>

namespace cq::cli {

namespace {

const auto usage = QStringLiteral(
    "Usage: clipqueue-cli accounts list\n"
    "       clipqueue-cli accounts connect\n"
    "       clipqueue-cli accounts disconnect ID\n"
    "       clipqueue-cli accounts import --tokens-from FILE|- [--name NAME]\n"
    "       clipqueue-cli accounts import --open-id ID --access-token T --refresh-token R "
    "[--expires-in S]\n"
    "                                     [--refresh-expires-in S] [--name NAME] "
    "[--scopes LIST]\n"
    "       clipqueue-cli accounts sets list|create|rename|add|remove|delete ...\n"
    "       clipqueue-cli accounts times ID [--set \"mon-fri 18:30, sat 11:00\"] [--zone ZONE]\n");

// The options of `accounts import` (the other actions take none but the display name).
struct Options {
    QCommandLineOption openId{QStringLiteral("open-id"), QStringLiteral("TikTok open id"),
                              QStringLiteral("ID")};
    QCommandLineOption access{QStringLiteral("access-token"), QStringLiteral("Access token"),
                              QStringLiteral("T")};
    QCommandLineOption refresh{QStringLiteral("refresh-token"), QStringLiteral("Refresh token"),
                               QStringLiteral("R")};
    QCommandLineOption expires{QStringLiteral("expires-in"), QStringLiteral("Seconds"), QStringLiteral("S"),
                               QStringLiteral("7200")};
    QCommandLineOption refreshExpires{QStringLiteral("refresh-expires-in"), QStringLiteral("Seconds"),
                                      QStringLiteral("S"), QStringLiteral("15552000")};
    QCommandLineOption displayName{QStringLiteral("name"), QStringLiteral("Display name"),
                                   QStringLiteral("NAME")};
    // What the account granted, as TikTok lists it (user.info.basic,video.publish,video.upload);
    // unset: not known, so ClipQueue tries everything.
    QCommandLineOption scopes{QStringLiteral("scopes"), QStringLiteral("Granted scopes, comma separated"),
                              QStringLiteral("LIST")};
    // Tokens on the command line show in `ps` and the shell's history; a file (or standard input)
    // holding TikTok's token answer does not.
    QCommandLineOption tokensFrom{QStringLiteral("tokens-from"),
                                  QStringLiteral("Token JSON file, - for stdin"), QStringLiteral("FILE")};
    QCommandLineOption setTimes{QStringLiteral("set"), QStringLiteral("Weekly posting times"),
                                QStringLiteral("TIMES")};
    QCommandLineOption zone{QStringLiteral("zone"), QStringLiteral("IANA time zone"), QStringLiteral("ZONE")};
};

// What the account's scopes let ClipQueue do, in words.
QString mayDo(const std::optional<QStringList> &scopes) {
    if (!scopes) {
        return QStringLiteral("scopes not known");
    }
    const bool publish = scopes->contains(u"video.publish");
    const bool upload = scopes->contains(u"video.upload");
    if (publish && upload) {
        return QStringLiteral("may publish and send to inbox");
    }
    return publish  ? QStringLiteral("may publish only (no inbox)")
           : upload ? QStringLiteral("may send to inbox only")
                    : QStringLiteral("may not post");
}

bool argumentsFit(const QString &action, const QCommandLineParser &parser, const Options &options) {
    const qsizetype positional = action == u"disconnect" || action == u"times" ? 1 : 0;
    if (parser.positionalArguments().size() != positional) {
        return false;
    }
    if (action == u"import" && parser.isSet(options.tokensFrom)) {
        return !parser.isSet(options.openId) && !parser.isSet(options.access)
               && !parser.isSet(options.refresh);
    }
    if (action == u"import") {
        return !parser.value(options.openId).isEmpty() && !parser.value(options.access).isEmpty()
               && !parser.value(options.refresh).isEmpty();
    }
    return action == u"list" || action == u"connect" || action == u"disconnect" || action == u"times";
}

// TikTok's token answer ({"open_id", "access_token", "refresh_token", "expires_in",
// "refresh_expires_in"}) from a file or, for "-", standard input.
std::expected<tiktok::TokenSet, Error> tokensFromFile(const QString &path, const QDateTime &now) {
    QFile file(path);
    const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened) {
        return std::unexpected(
            Error{ErrorCode::Usage, path + u": cannot read it (" + file.errorString() + u")."});
    }
    const QJsonObject json = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    for (const char *field : {"open_id", "access_token", "refresh_token"}) {
        if (json.value(QLatin1StringView(field)).toString().isEmpty()) {
            return std::unexpected(
                Error{ErrorCode::Usage, path + u" has no \"" + QLatin1StringView(field)
                                            + u"\": it must hold TikTok's token answer as JSON."});
        }
    }
    auto tokens = tiktok::TokenSet::fromTokenAnswer(json, now);
    if (!tokens) {
        return std::unexpected(Error{ErrorCode::Usage, path + u": " + tokens.error().message});
    }
    return *tokens;
}

ExitCode listAccounts(AccountService &accounts, CliStreams streams) {
    auto list = accounts.list();
    if (!list) {
        return fail(streams.err, list.error());
    }
    for (const Account &account : *list) {
        streams.out << account.id << "  " << account.displayName << "  open_id " << account.openId
                    << (account.isDefault ? "  (default)" : "") << "  authorised until "
                    << account.refreshExpiresAt.toString(Qt::ISODate) << "  "
                    << mayDo(accounts.grantedScopes(account.id)) << '\n';
    }
    return ExitCode::Success;
}

ExitCode disconnect(AccountService &accounts, const QString &id, CliStreams streams) {
    std::optional<std::expected<void, Error>> result;
    QEventLoop loop;
    accounts.disconnect(id, [&](std::expected<void, Error> done) {
        result = done;
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    return *result ? ExitCode::Success : fail(streams.err, result->error());
}

// Tokens from TikTok's authorisation page in the browser, with the answer on a loopback port.
std::expected<tiktok::TokenSet, Error> loginTokens(Session::TikTok &tiktok, CliStreams streams) {
    if (auto credentials = tiktok.config.checkCredentials(); !credentials) {
        return std::unexpected(credentials.error());
    }
    std::expected<tiktok::TokenSet, Error> tokens = std::unexpected(Error{ErrorCode::Cancelled, QString()});
    tiktok::DesktopLogin login(*tiktok.oauth, [&streams](const QUrl &url) {
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
    return tokens;
}

// Creator info right away: the nickname to show, and the limits validation checks against.
void fetchCreatorInfo(Session &session, const QString &accountId, QTextStream &err) {
    bool done = false;
    QEventLoop loop;
    session.refreshCreatorInfo(accountId, [&](std::expected<CreatorInfo, Error> info) {
        if (info) {
            err << "Connected " << info->nickname << " (@" << info->username << ").\n";
        } else {
            err << "warning: creator info could not be fetched (" << info.error().message
                << "); it is fetched again before publishing.\n";
        }
        done = true;
        loop.quit();
    });
    if (!done) {
        loop.exec();
    }
}

// Stores the tokens as an account, fetches its creator info and prints its id.
ExitCode addAccount(Session &session, Session::TikTok &tiktok, const tiktok::TokenSet &tokens,
                    const QString &displayName, CliStreams streams) {
    auto account = tiktok.accounts->add(tokens, displayName);
    if (!account) {
        return fail(streams.err, account.error());
    }
    fetchCreatorInfo(session, account->id, streams.err);
    if (!tiktok.tokens->warning().isEmpty()) {
        streams.err << "warning: " << tiktok.tokens->warning() << '\n';
    }
    streams.out << account->id << '\n';
    return ExitCode::Success;
}

// `accounts times ID`: prints the account's weekly posting times and its next free one; with --set,
// replaces them first (read in --zone, else the workspace's zone).
ExitCode postingTimes(Session &session, const QString &id, const QCommandLineParser &parser,
                      const Options &options, CliStreams streams) {
    auto account = AccountRepository(session.database()).find(id);
    if (!account) {
        return fail(streams.err, account.error());
    }
    if (!*account) {
        return fail(streams.err, Error{ErrorCode::NotFound, u"There is no account " + id + u"."});
    }
    const PostingTimesRepository repository(session.database());
    if (parser.isSet(options.setTimes)) {
        QString zone = parser.value(options.zone);
        if (zone.isEmpty()) {
            zone = QString::fromUtf8(session.workspace().defaultTimeZone().value_or(QTimeZone::utc()).id());
        }
        auto times = PostingTimes::parse(parser.value(options.setTimes), zone);
        if (!times) {
            return fail(streams.err, times.error());
        }
        if (auto stored = repository.set((*account)->id, *times); !stored) {
            return fail(streams.err, stored.error());
        }
    }
    auto times = repository.get((*account)->id);
    if (!times) {
        return fail(streams.err, times.error());
    }
    if (times->isEmpty()) {
        streams.out << "No posting times.\n";
        return ExitCode::Success;
    }
    streams.out << times->toText() << " (" << times->timeZone << ")\n";
    auto next = QueueSlots(session.database(), session.posts().repository())
                    .nextFree((*account)->id, session.clock().nowUtc());
    if (next && *next) {
        streams.out << "Next free: "
                    << (*next)->atUtc.toTimeZone(QTimeZone((*next)->timeZone.toUtf8())).toString(Qt::ISODate)
                    << ' ' << (*next)->timeZone << '\n';
    }
    return ExitCode::Success;
}

} // namespace

ExitCode AccountsCommand::run(const QStringList &arguments, CliStreams streams) {
    const QString action = arguments.value(0);
    if (action == u"sets") {
        return AccountSetsCommand().run(arguments.mid(1), streams);
    }
    const Options options;
    QCommandLineParser parser;
    parser.addOptions({options.openId, options.access, options.refresh, options.expires,
                       options.refreshExpires, options.displayName, options.tokensFrom, options.scopes,
                       options.setTimes, options.zone});
    if (!parser.parse(QStringList{name()} + arguments.mid(1)) || !argumentsFit(action, parser, options)) {
        streams.err << usage;
        return ExitCode::Usage;
    }
    // Token lifetimes are checked before anything is opened: a typo is a usage error.
    const auto accessSeconds =
        number(options.expires.names().first(), parser.value(options.expires), 1, streams.err);
    const auto refreshSeconds = accessSeconds ? number(options.refreshExpires.names().first(),
                                                       parser.value(options.refreshExpires), 1, streams.err)
                                              : std::nullopt;
    if (!refreshSeconds) {
        streams.err << usage;
        return ExitCode::Usage;
    }
    auto session = Session::open();
    if (!session) {
        return fail(streams.err, session.error());
    }
    if (action == u"times") { // posting times need no TikTok app
        return postingTimes(**session, parser.positionalArguments().constFirst(), parser, options, streams);
    }
    auto tiktok = (*session)->tiktok();
    if (!tiktok) {
        return fail(streams.err, tiktok.error());
    }
    AccountService &accounts = *(*tiktok)->accounts;
    if (action == u"list") {
        return listAccounts(accounts, streams);
    }
    if (action == u"disconnect") {
        return disconnect(accounts, parser.positionalArguments().constFirst(), streams);
    }
    const QDateTime now = (*session)->clock().nowUtc();
    const auto tokens =
        action != u"import" ? loginTokens(**tiktok, streams)
        : parser.isSet(options.tokensFrom)
            ? tokensFromFile(parser.value(options.tokensFrom), now)
            : std::expected<tiktok::TokenSet, Error>(tiktok::TokenSet{
                parser.value(options.openId), parser.value(options.access), parser.value(options.refresh),
                parser.value(options.scopes), now.addSecs(*accessSeconds), now.addSecs(*refreshSeconds)});
    if (!tokens) {
        return fail(streams.err, tokens.error());
    }
    return addAccount(**session, **tiktok, *tokens, parser.value(options.displayName), streams);
}

} // namespace cq::cli
