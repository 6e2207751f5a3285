#include "composer/FindingsModel.h"

#include <algorithm>

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace cq::ui {

namespace {
bool sameFindings(const QList<Finding> &a, const QList<Finding> &b) {
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const Finding &x, const Finding &y) {
        return x.severity == y.severity && x.code == y.code && x.field == y.field && x.message == y.message;
    });
}
} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractListModel(parent) {
}

void FindingsModel::setFindings(QList<Finding> findings) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding &a, const Finding &b) { return a.isError() && !b.isError(); });
    if (sameFindings(findings, m_findings)) {
        return;
    }
    // Rows change in place, and only the surplus is inserted or removed: views keep their scroll
    // position and the tab order stays put while the user types.
    const int before = int(m_findings.size());
    const int after = int(findings.size());
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_findings.resize(after);
        endRemoveRows();
    } else if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_findings.append(findings.mid(before));
        endInsertRows();
    }
    const int common = std::min(before, after);
    for (int row = 0; row < common; ++row) {
        m_findings[row] = findings.at(row);
    }
    if (common > 0) {
        Q_EMIT dataChanged(index(0), index(common - 1));
    }
}

int FindingsModel::errorCount() const {
    return int(
        std::count_if(m_findings.cbegin(), m_findings.cend(), [](const Finding &f) { return f.isError(); }));
}

int FindingsModel::warningCount() const {
    return int(m_findings.size()) - errorCount();
}

int FindingsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::mediaIndexOf(const QString &field) {
    static const QString prefix = QStringLiteral("/content/media/");
    if (!field.startsWith(prefix)) {
        return -1;
    }
    bool ok = false;
    const int index = field.mid(prefix.size()).section(u'/', 0, 0).toInt(&ok);
    return ok ? index : -1;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Finding &finding = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return finding.message;
    case Qt::ToolTipRole:
        return finding.field.isEmpty() ? findingCodeName(finding.code)
                                       : QString(findingCodeName(finding.code) + u" · " + finding.field);
    case Qt::DecorationRole:
        return QApplication::style()->standardIcon(finding.isError() ? QStyle::SP_MessageBoxCritical
                                                                     : QStyle::SP_MessageBoxWarning);
    case CodeRole:
        return findingCodeName(finding.code);
    case FieldRole:
        return finding.field;
    case IsErrorRole:
        return finding.isError();
    case MediaIndexRole:
        return mediaIndexOf(finding.field);
    case FixRole:
        return finding.fix;
    default:
        return {};
    }
}

QHash<int, QByteArray> FindingsModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{CodeRole, "code"},
                  {FieldRole, "field"},
                  {IsErrorRole, "isError"},
                  {MediaIndexRole, "mediaIndex"},
                  {FixRole, "fix"}});
    return names;
}

} // namespace cq::ui
