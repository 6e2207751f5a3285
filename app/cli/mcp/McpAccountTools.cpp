#include "AccountOutput.h"
#include "McpSchema.h"
#include "McpTools.h"
#include "session/Session.h"

namespace cq::cli::mcp {

namespace {

class AccountsListTool final : public McpTool {
public:
    QString name() const override { return QStringLiteral("accounts_list"); }
    QString title() const override { return QStringLiteral("List accounts"); }
    QString description() const override {
        return QStringLiteral(
            "The connected TikTok accounts with the creator info TikTok last reported for each: which "
            "privacy "
            "levels it may post with, whether comments, duets and stitches are turned off, its maximum video "
            "length, and whether it can post now. Use an account's id in a post's accounts.");
    }
    QJsonObject inputSchema() const override { return schema::object({}); }
    QJsonObject outputSchema() const override {
        const QJsonObject creator = schema::object(
            {{QStringLiteral("username"), schema::string(QString())},
             {QStringLiteral("nickname"), schema::string(QString())},
             {QStringLiteral("privacyLevelOptions"),
              schema::array(schema::string(QString()),
                            QStringLiteral("The privacy levels it may post with"))},
             {QStringLiteral("commentDisabled"), schema::boolean(QString())},
             {QStringLiteral("duetDisabled"), schema::boolean(QString())},
             {QStringLiteral("stitchDisabled"), schema::boolean(QString())},
             {QStringLiteral("canPost"), schema::boolean(QStringLiteral("TikTok lets it post now"))}});
        QJsonObject creatorOrNull = creator;
        creatorOrNull.insert(QStringLiteral("type"),
                             QJsonArray{QStringLiteral("object"), QStringLiteral("null")});
        const QJsonObject account =
            schema::object({{QStringLiteral("id"), schema::string(QString())},
                            {QStringLiteral("openId"), schema::string(QString())},
                            {QStringLiteral("displayName"), schema::string(QString())},
                            {QStringLiteral("isDefault"), schema::boolean(QString())},
                            {QStringLiteral("creator"), creatorOrNull}});
        return schema::output({{QStringLiteral("accounts"), schema::array(account, QString())}});
    }

    McpToolResult call(const QJsonObject &, Session &session) override {
        const AccountRepository repository(session.database());
        auto accounts = repository.list();
        if (!accounts) {
            return McpToolResult::failure(accounts.error());
        }
        QJsonArray array;
        QStringList names;
        for (const Account &account : std::as_const(*accounts)) {
            auto creator = repository.creatorInfo(account.id);
            array.append(accountJson(account, creator ? *creator : std::nullopt));
            names << account.displayName + (account.isDefault ? u" (default)" : u"");
        }
        return {QJsonObject{{QStringLiteral("accounts"), array}},
                names.isEmpty() ? QStringLiteral("No TikTok account is connected; a person connects one with "
                                                 "clipqueue-cli accounts connect.")
                                : QString::number(names.size()) + u" accounts: " + names.join(u", ") + u'.'};
    }
};

class AccountSetsListTool final : public McpTool {
public:
    QString name() const override { return QStringLiteral("account_sets_list"); }
    QString title() const override { return QStringLiteral("List account sets"); }
    QString description() const override {
        return QStringLiteral(
            "Saved account sets (named groups of accounts). A post with platformSetId set to a "
            "set's id or name becomes one post per account of the set.");
    }
    QJsonObject inputSchema() const override { return schema::object({}); }
    QJsonObject outputSchema() const override {
        const QJsonObject member =
            schema::object({{QStringLiteral("id"), schema::string(QString())},
                            {QStringLiteral("displayName"), schema::string(QString())}});
        const QJsonObject set =
            schema::object({{QStringLiteral("id"), schema::string(QString())},
                            {QStringLiteral("name"), schema::string(QString())},
                            {QStringLiteral("accounts"), schema::array(member, QString())}});
        return schema::output({{QStringLiteral("sets"), schema::array(set, QString())}});
    }

    McpToolResult call(const QJsonObject &, Session &session) override {
        auto accounts = AccountRepository(session.database()).list();
        auto sets = accounts ? session.accountSets().list() : std::unexpected(accounts.error());
        if (!sets) {
            return McpToolResult::failure(sets.error());
        }
        QJsonArray array;
        QStringList lines;
        for (const AccountSet &set : std::as_const(*sets)) {
            array.append(accountSetJson(set, *accounts));
            lines << accountSetLine(set, *accounts);
        }
        return {QJsonObject{{QStringLiteral("sets"), array}},
                lines.isEmpty() ? QStringLiteral("No account sets.") : lines.join(u'\n')};
    }
};

} // namespace

void addAccountTools(ToolList &tools) {
    tools.push_back(std::make_unique<AccountsListTool>());
    tools.push_back(std::make_unique<AccountSetsListTool>());
}

} // namespace cq::cli::mcp
