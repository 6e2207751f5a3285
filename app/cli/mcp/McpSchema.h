#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// Small builders for the JSON Schemas of the MCP tools, and the one check the server applies to
// arguments before a tool sees them.
namespace cq::cli::mcp::schema {

QJsonObject object(const QJsonObject &properties, const QStringList &required = {},
                   const QString &description = {});
// Any object (the post JSON contract, TikTok's creator info): documented elsewhere, checked by core.
QJsonObject anyObject(const QString &description);
QJsonObject string(const QString &description);
QJsonObject nullableString(const QString &description);
QJsonObject oneOf(const QStringList &values, const QString &description);
QJsonObject integer(const QString &description, int minimum, int maximum);
QJsonObject boolean(const QString &description);
QJsonObject array(const QJsonObject &items, const QString &description);

// Output pieces several tools share.
QJsonObject finding();
QJsonObject postSummary();
QJsonObject error();
// An output schema: `properties` plus "error" (set instead of them when the call failed). Nothing is
// required, so that a failed call's {"error"} fits it too.
QJsonObject output(QJsonObject properties);

// The first way `arguments` do not fit `inputSchema` (a missing required property, a property of
// the wrong JSON type, an unknown enum value, a number out of range); empty when they fit.
QString check(const QJsonObject &inputSchema, const QJsonObject &arguments);

} // namespace cq::cli::mcp::schema
