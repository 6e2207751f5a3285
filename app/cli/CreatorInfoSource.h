#pragma once

#include "post/CreatorInfo.h"
#include "post/Post.h"

#include <QTextStream>

#include <expected>
#include <optional>

namespace cq::cli {

// The --creator file of `validate` and `conform`: TikTok's creator info (its `data` object or the
// whole answer), or why it is not.
std::expected<CreatorInfo, QString> readCreatorInfoFile(const QString &path);

// The creator info cached for the post's first account (or the default account) when this machine
// has a ClipQueue database; never creates one. Says on `err` whose info it used.
std::optional<CreatorInfo> cachedCreatorInfo(const Post &post, QTextStream &err);

} // namespace cq::cli
