#include "AccountSetsCommand.h"

#include "AccountOutput.h"
#include "session/Session.h"

#include <QCommandLineParser>

namespace cq::cli {

namespace {

// How many positional arguments each action takes after its name: exactly, or at least (-n).
qsizetype positionalCount(const QString &action) {
    if (action == u"list") {
        return 0;
    }
    if (action == u"create" || action == u"delete") {
        return 1;
    }
    if (action == u"rename") {
        return 2;
    }
    if (action == u"add" || action == u"remove") {
        return -2;
    }
    return -1000; // unknown action: no count fits
}

bool countFits(const QString &action, qsizetype count) {
    const qsizetype expected = positionalCount(action);
    return expected >= 0 ? count == expected : count >= -expected && expected > -1000;
}

// Runs the action on the session's account sets; the set it leaves (nothing for list and delete).
std::expected<std::optional<AccountSet>, Error> perform(AccountSets &sets, const QString &action,
                                                        const QStringList &arguments) {
    const QString set = arguments.value(0);
    std::expected<AccountSet, Error> result = std::unexpected(Error{ErrorCode::Usage, QString()});
    if (action == u"create") {
        result = sets.create(set);
    } else if (action == u"rename") {
        result = sets.rename(set, arguments.value(1));
    } else if (action == u"add") {
        result = sets.addAccounts(set, arguments.mid(1));
    } else if (action == u"remove") {
        result = sets.removeAccounts(set, arguments.mid(1));
    } else if (action == u"delete") {
        auto removed = sets.remove(set);
        return removed ? std::expected<std::optional<AccountSet>, Error>(std::nullopt)
                       : std::unexpected(removed.error());
    }
    if (!result) {
        return std::unexpected(result.error());
    }
    return std::optional(*result);
}

// Every set as JSON; in text, one line each on `out` as well.
std::expected<QJsonArray, Error> list(Session &session, const QList<Account> &accounts, bool json,
                                      QTextStream &out) {
    auto sets = session.accountSets().list();
    if (!sets) {
        return std::unexpected(sets.error());
    }
    QJsonArray array;
    for (const AccountSet &set : std::as_const(*sets)) {
        array.append(accountSetJson(set, accounts));
        if (!json) {
            out << accountSetLine(set, accounts) << '\n';
        }
    }
    return array;
}

} // namespace

QString AccountSetsCommand::usage() {
    return QStringLiteral("Usage: clipqueue-cli accounts sets list [--json]\n"
                          "       clipqueue-cli accounts sets create NAME [--json]\n"
                          "       clipqueue-cli accounts sets rename SET NAME [--json]\n"
                          "       clipqueue-cli accounts sets add SET ACCOUNT... [--json]\n"
                          "       clipqueue-cli accounts sets remove SET ACCOUNT... [--json]\n"
                          "       clipqueue-cli accounts sets delete SET\n"
                          "SET is a set's id or name; ACCOUNT an account's id or open id.\n");
}

ExitCode AccountSetsCommand::run(const QStringList &arguments, CliStreams streams) {
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
    parser.addOption(json);
    if (action == u"--help" || action == u"help") {
        streams.out << usage();
        return ExitCode::Success;
    }
    if (!parser.parse(QStringList{name()} + arguments.mid(1))
        || !countFits(action, parser.positionalArguments().size())) {
        streams.err << usage();
        return ExitCode::Usage;
    }
    auto session = Session::open();
    if (!session) {
        return fail(streams.err, session.error());
    }
    auto accounts = AccountRepository((*session)->database()).list();
    if (!accounts) {
        return fail(streams.err, accounts.error());
    }
    if (action == u"list") {
        auto sets = list(**session, *accounts, parser.isSet(json), streams.out);
        if (!sets) {
            return fail(streams.err, sets.error());
        }
        if (parser.isSet(json)) {
            writeJson(streams.out, QJsonDocument(*sets));
        }
        return ExitCode::Success;
    }
    auto result = perform((*session)->accountSets(), action, parser.positionalArguments());
    if (!result) {
        return fail(streams.err, result.error());
    }
    if (!*result) {
        return ExitCode::Success;
    }
    if (parser.isSet(json)) {
        writeJson(streams.out, QJsonDocument(accountSetJson(**result, *accounts)));
    } else if (action == u"create") {
        streams.out << (*result)->id << '\n';
    } else {
        streams.out << accountSetLine(**result, *accounts) << '\n';
    }
    return ExitCode::Success;
}

} // namespace cq::cli
