#pragma once

#include "post/Finding.h"
#include "post/Post.h"
#include "util/Error.h"

#include <QByteArray>
#include <QJsonObject>

#include <expected>

namespace cq {

struct ParsedPost {
    Post post;
    QList<Finding> warnings; // unknown fields, ignored on import
};

// Reads the post JSON contract (docs/post-json.md). Malformed JSON is ErrorCode::JsonMalformed
// with the line and column; a well-formed document of the wrong shape is ErrorCode::JsonInvalid
// naming the JSON Pointer of the offending field.
std::expected<ParsedPost, Error> parsePostJson(const QByteArray &json);
std::expected<ParsedPost, Error> parsePostJson(const QJsonObject &json);

// Writes the contract; fields of the source document that ClipQueue does not know are kept.
QJsonObject postToJson(const Post &post);

// The largest post document read (4 MiB): anything larger is refused before it is parsed, and
// callers reading a file check its size against this before reading it.
qsizetype maxPostJsonBytes();
// Why a post document of `sizeBytes` is refused, for a person.
QString postTooLargeMessage(qint64 sizeBytes);

// "line L, column C" for a byte offset into UTF-8 text.
QString describeJsonPosition(const QByteArray &json, qsizetype offset);

} // namespace cq
