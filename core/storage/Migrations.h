#pragma once

#include <QList>
#include <QStringList>

namespace cq {

// One numbered, forward-only schema step. `common` runs on both backends; the others only on theirs.
struct Migration {
    int version;
    QStringList common;
    QStringList sqliteOnly;
    QStringList postgresOnly;
};

// Every migration, in order. Never edit one that has shipped: add the next.
const QList<Migration> &schemaMigrations();

} // namespace cq
