#pragma once

#include "storage/AccountRepository.h"
#include "storage/AccountSetRepository.h"

#include <QJsonArray>
#include <QJsonObject>

// How accounts and account sets are written as JSON (accounts sets list --json, the MCP tools), in
// one place so that both say the same thing the same way.
namespace cq::cli {

// id, openId, displayName, isDefault, authorisedUntil; with `creator` its cached creator info
// (username, nickname, what the creator allows: privacy levels, interactions, maximum video length,
// and whether it can post now) or null when it was never fetched.
QJsonObject accountJson(const Account &account, const std::optional<StoredCreatorInfo> &creator);
// id, name, and its accounts as {id, displayName} (in the set's order; an account that is gone is
// left out).
QJsonObject accountSetJson(const AccountSet &set, const QList<Account> &accounts);
// "brand channels  (2 accounts: Ana, Bob)"
QString accountSetLine(const AccountSet &set, const QList<Account> &accounts);

} // namespace cq::cli
