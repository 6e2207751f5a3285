#include "AccountOutput.h"

namespace cq::cli {

namespace {

const Account *accountWithId(const QList<Account> &accounts, const QString &id) {
    for (const Account &account : accounts) {
        if (account.id == id) {
            return &account;
        }
    }
    return nullptr;
}

QJsonObject creatorJson(const StoredCreatorInfo &stored) {
    const CreatorInfo &info = stored.info;
    return QJsonObject{
        {QStringLiteral("username"), info.username},
        {QStringLiteral("nickname"), info.nickname},
        {QStringLiteral("privacyLevelOptions"), QJsonArray::fromStringList(info.privacyLevelOptions)},
        {QStringLiteral("commentDisabled"), info.commentDisabled},
        {QStringLiteral("duetDisabled"), info.duetDisabled},
        {QStringLiteral("stitchDisabled"), info.stitchDisabled},
        {QStringLiteral("maxVideoPostDurationSec"), info.maxVideoPostDurationSec
                                                        ? QJsonValue(*info.maxVideoPostDurationSec)
                                                        : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("canPost"), info.cannotPostCode.isEmpty()},
        {QStringLiteral("cannotPostCode"),
         info.cannotPostCode.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(info.cannotPostCode)},
        {QStringLiteral("fetchedAt"), stored.fetchedAt.toString(Qt::ISODateWithMs)},
    };
}

} // namespace

QJsonObject accountJson(const Account &account, const std::optional<StoredCreatorInfo> &creator) {
    return QJsonObject{
        {QStringLiteral("id"), account.id},
        {QStringLiteral("openId"), account.openId},
        {QStringLiteral("displayName"), account.displayName},
        {QStringLiteral("isDefault"), account.isDefault},
        {QStringLiteral("authorisedUntil"), account.refreshExpiresAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("creator"),
         creator ? QJsonValue(creatorJson(*creator)) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject accountSetJson(const AccountSet &set, const QList<Account> &accounts) {
    QJsonArray members;
    for (const QString &id : set.accountIds) {
        if (const Account *account = accountWithId(accounts, id)) {
            members.append(QJsonObject{{QStringLiteral("id"), account->id},
                                       {QStringLiteral("displayName"), account->displayName}});
        }
    }
    return QJsonObject{{QStringLiteral("id"), set.id},
                       {QStringLiteral("name"), set.name},
                       {QStringLiteral("accounts"), members}};
}

QString accountSetLine(const AccountSet &set, const QList<Account> &accounts) {
    QStringList names;
    for (const QString &id : set.accountIds) {
        if (const Account *account = accountWithId(accounts, id)) {
            names << account->displayName;
        }
    }
    const QString count = QString::number(names.size()) + (names.size() == 1 ? u" account" : u" accounts");
    return set.id + u"  " + set.name + u"  (" + count
           + (names.isEmpty() ? QString() : u": " + names.join(u", ")) + u')';
}

} // namespace cq::cli
