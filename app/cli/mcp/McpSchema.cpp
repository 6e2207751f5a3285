#include "McpSchema.h"

namespace cq::cli::mcp::schema {

namespace {

QJsonObject typed(const QString &type, const QString &description) {
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

// Whether `value` is of JSON Schema type `type` ("integer" is a whole number).
bool hasType(const QJsonValue &value, const QString &type) {
    if (type == u"string") {
        return value.isString();
    }
    if (type == u"integer") {
        return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    }
    if (type == u"number") {
        return value.isDouble();
    }
    if (type == u"boolean") {
        return value.isBool();
    }
    if (type == u"object") {
        return value.isObject();
    }
    if (type == u"array") {
        return value.isArray();
    }
    return type == u"null" && value.isNull();
}

// The problem with one property's value; empty when it fits.
QString checkValue(const QString &name, const QJsonObject &schema, const QJsonValue &value) {
    const QJsonValue type = schema.value(u"type");
    const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
    const bool fits = std::any_of(types.cbegin(), types.cend(),
                                  [&](const QJsonValue &each) { return hasType(value, each.toString()); });
    if (!type.isUndefined() && !fits) {
        return u"\"" + name + u"\" must be of type " + type.toVariant().toStringList().join(u" or ") + u'.';
    }
    const QJsonArray allowed = schema.value(u"enum").toArray();
    if (!allowed.isEmpty() && !allowed.contains(value)) {
        QStringList names;
        for (const QJsonValue &each : allowed) {
            names << each.toString();
        }
        return u"\"" + name + u"\" must be one of: " + names.join(u", ") + u'.';
    }
    if (schema.contains(u"minimum") && value.toDouble() < schema.value(u"minimum").toDouble()) {
        return u"\"" + name + u"\" must be at least " + QString::number(schema.value(u"minimum").toInt())
               + u'.';
    }
    if (schema.contains(u"maximum") && value.toDouble() > schema.value(u"maximum").toDouble()) {
        return u"\"" + name + u"\" must be at most " + QString::number(schema.value(u"maximum").toInt())
               + u'.';
    }
    if (value.isArray() && schema.contains(u"items")) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString problem =
                checkValue(name + u'/' + QString::number(i), schema.value(u"items").toObject(), items.at(i));
            if (!problem.isEmpty()) {
                return problem;
            }
        }
    }
    return {};
}

} // namespace

QJsonObject object(const QJsonObject &properties, const QStringList &required, const QString &description) {
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties}};
    if (!required.isEmpty()) {
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    }
    if (!description.isEmpty()) {
        schema.insert(QStringLiteral("description"), description);
    }
    return schema;
}

QJsonObject anyObject(const QString &description) {
    return typed(QStringLiteral("object"), description);
}

QJsonObject string(const QString &description) {
    return typed(QStringLiteral("string"), description);
}

QJsonObject nullableString(const QString &description) {
    return QJsonObject{{QStringLiteral("type"), QJsonArray{QStringLiteral("string"), QStringLiteral("null")}},
                       {QStringLiteral("description"), description}};
}

QJsonObject oneOf(const QStringList &values, const QString &description) {
    QJsonObject schema = string(description);
    schema.insert(QStringLiteral("enum"), QJsonArray::fromStringList(values));
    return schema;
}

QJsonObject integer(const QString &description, int minimum, int maximum) {
    QJsonObject schema = typed(QStringLiteral("integer"), description);
    schema.insert(QStringLiteral("minimum"), minimum);
    schema.insert(QStringLiteral("maximum"), maximum);
    return schema;
}

QJsonObject boolean(const QString &description) {
    return typed(QStringLiteral("boolean"), description);
}

QJsonObject array(const QJsonObject &items, const QString &description) {
    QJsonObject schema = typed(QStringLiteral("array"), description);
    schema.insert(QStringLiteral("items"), items);
    return schema;
}

QJsonObject finding() {
    return object(
        {{QStringLiteral("severity"), oneOf({QStringLiteral("error"), QStringLiteral("warning")}, QString())},
         {QStringLiteral("code"),
          string(QStringLiteral("Stable code, e.g. privacy.required (docs/validation.md)"))},
         {QStringLiteral("field"), string(QStringLiteral("JSON Pointer into the post"))},
         {QStringLiteral("message"), string(QStringLiteral("What is wrong and what to do"))}},
        {QStringLiteral("severity"), QStringLiteral("code"), QStringLiteral("field"),
         QStringLiteral("message")});
}

QJsonObject postSummary() {
    return object({
        {QStringLiteral("id"), string(QStringLiteral("Post id"))},
        {QStringLiteral("status"), string(QStringLiteral("draft, in_review, approved, scheduled, publishing, "
                                                         "processing, published, changes_requested, failed, "
                                                         "cancelled or needs_attention"))},
        {QStringLiteral("scheduledFor"),
         nullableString(QStringLiteral("UTC time; null: as soon as possible"))},
        {QStringLiteral("timeZone"), string(QStringLiteral("IANA zone the time was picked in"))},
        {QStringLiteral("text"), string(QStringLiteral("Caption"))},
        {QStringLiteral("mediaCount"), typed(QStringLiteral("integer"), QString())},
        {QStringLiteral("account"), string(QStringLiteral("Account id; empty: the default account"))},
        {QStringLiteral("createdBy"), string(QString())},
        {QStringLiteral("createdAt"), string(QString())},
        {QStringLiteral("updatedAt"), string(QString())},
        {QStringLiteral("publishId"), nullableString(QStringLiteral("TikTok's publish id once sent"))},
        {QStringLiteral("publicPostId"), nullableString(QStringLiteral("TikTok's post id once public"))},
    });
}

QJsonObject error() {
    return object({{QStringLiteral("code"), string(QStringLiteral("Stable error code, e.g. post.not_found"))},
                   {QStringLiteral("message"), string(QString())}},
                  {QStringLiteral("code"), QStringLiteral("message")},
                  QStringLiteral("Set when the call failed"));
}

QJsonObject output(QJsonObject properties) {
    properties.insert(QStringLiteral("error"), error());
    return object(properties);
}

QString check(const QJsonObject &inputSchema, const QJsonObject &arguments) {
    for (const QJsonValue &required : inputSchema.value(u"required").toArray()) {
        if (!arguments.contains(required.toString())) {
            return u"\"" + required.toString() + u"\" is required.";
        }
    }
    const QJsonObject properties = inputSchema.value(u"properties").toObject();
    for (auto it = arguments.constBegin(); it != arguments.constEnd(); ++it) {
        if (!properties.contains(it.key())) {
            return u"Unknown argument \"" + it.key() + u"\"; known: " + properties.keys().join(u", ") + u'.';
        }
        if (const QString problem = checkValue(it.key(), properties.value(it.key()).toObject(), it.value());
            !problem.isEmpty()) {
            return problem;
        }
    }
    return {};
}

} // namespace cq::cli::mcp::schema
