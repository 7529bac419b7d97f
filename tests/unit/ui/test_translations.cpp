// The translated UI: the German, French, Spanish and Simplified Chinese catalogues cover every string
// the code marks for translation (nothing unfinished, empty, stale or missing, plural forms as each
// language needs them, placeholders kept); the compiled catalogues in the app translate real widgets;
// the language follows the system and the "language" setting overrides it, from start-up on.

#include "core/api/Database.h"
#include "core/spaces/SpaceList.h"
#include "tests/support/TestSupport.h"
#include "ui/i18n/Language.h"
#include "ui/windows/MainWindow.h"
#include "ui/windows/RecordsPanel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace pluresdb;
using namespace pluresdb::ui;

namespace {

struct Entry {
    QString context;
    QString source;
    bool numerus = false;
    QString translationType;       // the type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations;      // one text, or the numerus forms
};

// Reads a Qt Linguist .ts file; `error` says what is wrong with the XML, if anything.
QList<Entry> readTs(const QString& path, QString* error) {
    QList<Entry> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            entry = Entry{context,
                          {},
                          xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                          {},
                          {}};
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.translationType = xml.attributes().value(QLatin1String("type")).toString();
            if (entry.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        entry.translations << xml.readElementText();
                    else xml.skipCurrentElement();
                }
            } else {
                entry.translations << xml.readElementText();
            }
            out << entry;
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return out;
}

QString tsPath(const QString& lang) {
    return QDir(test::sourceDir()).filePath(QStringLiteral("translations/pluresdb_%1.ts").arg(lang));
}

// How many plural forms each language has in Qt Linguist (French: 0 and 1 are singular; Chinese: one).
int formsOf(const QString& lang) { return lang == QLatin1String("zh_CN") ? 1 : 2; }

QSet<QString> placeholders(const QString& text) {
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    for (auto it = re.globalMatch(text); it.hasNext();) out << it.next().captured();
    return out;
}

QString key(const Entry& e) { return e.context + u'\x1f' + e.source; }

// The hints in a widget's text fields.
QStringList placeholders(const QWidget& w) {
    QStringList out;
    for (auto* edit : w.findChildren<QLineEdit*>()) out << edit->placeholderText();
    return out;
}

QString desktopPath() { return QDir(test::binaryDir()).filePath(QStringLiteral("app/pluresdb-desktop")); }

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        qputenv("PLURESDB_NO_MODAL_ERRORS", "1");
        // What the code marks for translation today, scanned afresh with the same lupdate the build uses.
        const QString lupdate =
            QDir(QLibraryInfo::path(QLibraryInfo::BinariesPath)).filePath(QStringLiteral("lupdate"));
        QVERIFY2(QFile::exists(lupdate), qPrintable(lupdate));
        QVERIFY(m_scratch.isValid());
        const QString fresh = m_scratch.filePath(QStringLiteral("fresh_de.ts"));
        const QDir src(test::sourceDir());
        QStringList args{QStringLiteral("-silent"),
                         QStringLiteral("-locations"),
                         QStringLiteral("none"),
                         QStringLiteral("-I"),
                         src.path(),
                         QStringLiteral("-extensions"),
                         QStringLiteral("cpp,h")};
        for (const char* dir : {"ui", "app/desktop", "core/keys", "core/spaces"})
            args << src.filePath(QLatin1String(dir));
        args << QStringLiteral("-ts") << fresh;
        const auto run = test::runProcess(lupdate, args, {}, 60'000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QString error;
        m_used = readTs(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_used.size() > 150, "lupdate found too few strings: is the scan broken?");
    }

    /// Every catalogue entry is finished and non-empty, none is stale (vanished/obsolete), each plural
    /// entry has exactly the forms its language needs, and every %1/%n of the source is kept.
    void cataloguesComplete_data() { languages(); }
    void cataloguesComplete() {
        QFETCH(QString, lang);
        QString error;
        const QList<Entry> entries = readTs(tsPath(lang), &error);
        QVERIFY2(error.isEmpty(), qPrintable(tsPath(lang) + QStringLiteral(": ") + error));
        QVERIFY(!entries.isEmpty());
        for (const Entry& e : entries) {
            const QString where =
                lang + QStringLiteral(": ") + e.context + QStringLiteral(": \"") + e.source + u'"';
            QVERIFY2(e.translationType.isEmpty(),
                     qPrintable(where + QStringLiteral(" is ") + e.translationType));
            QCOMPARE(e.translations.size(), e.numerus ? formsOf(lang) : 1);
            for (const QString& t : e.translations) {
                QVERIFY2(!t.trimmed().isEmpty(),
                         qPrintable(where + QStringLiteral(" has an empty translation")));
                QVERIFY2(placeholders(t).contains(placeholders(e.source)) ||
                             (e.numerus && lang == QLatin1String("zh_CN")),
                         qPrintable(where + QStringLiteral(" lost a placeholder: ") + t));
                if (e.numerus)
                    QVERIFY2(t.contains(QLatin1String("%n")),
                             qPrintable(where + QStringLiteral(": a plural form without %n")));
            }
        }
    }

    /// The catalogue holds exactly the strings the code uses now: nothing the code uses is missing
    /// (someone added a tr() without running update_translations) and nothing stale is left.
    void cataloguesMatchTheCode_data() { languages(); }
    void cataloguesMatchTheCode() {
        QFETCH(QString, lang);
        QString error;
        QSet<QString> inCatalogue;
        for (const Entry& e : readTs(tsPath(lang), &error)) inCatalogue << key(e);
        QSet<QString> used;
        for (const Entry& e : m_used) used << key(e);
        for (const QString& k : used) {
            QVERIFY2(
                inCatalogue.contains(k),
                qPrintable(lang +
                           QStringLiteral(": not in the catalogue (run the update_translations target): ") +
                           k));
        }
        for (const QString& k : inCatalogue)
            QVERIFY2(used.contains(k), qPrintable(lang + QStringLiteral(": stale entry: ") + k));
    }

    /// The compiled catalogue in the app (the .qm resource lrelease built) translates every string the
    /// code uses, in every plural form.
    void compiledCataloguesTranslateEverything_data() { languages(); }
    void compiledCataloguesTranslateEverything() {
        QFETCH(QString, lang);
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(":/i18n/pluresdb_%1.qm").arg(lang)), qPrintable(lang));
        for (const Entry& e : m_used) {
            for (int n : {0, 1, 2, 5, 21}) {
                const QString t =
                    translator.translate(e.context.toUtf8(), e.source.toUtf8(), nullptr, e.numerus ? n : -1);
                QVERIFY2(!t.isEmpty(), qPrintable(lang + QStringLiteral(": no translation for ") + e.context +
                                                  QStringLiteral(": ") + e.source));
                if (!e.numerus) break;
            }
        }
    }

    /// Installing German makes the real widgets speak German: the data browser's buttons and filter,
    /// its plural record count, and the main window's first page and menus.
    void germanWidgets() {
        QVERIFY(i18n::installLanguage(qApp, QStringLiteral("de")));
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.filePath(QStringLiteral("db")))).value();
        {
            RecordsPanel panel(db.get());
            QVERIFY(placeholders(panel).contains(QStringLiteral("Nach ID-Präfix filtern")));
            QStringList buttons;
            for (auto* b : panel.findChildren<QPushButton*>()) buttons << b->text();
            QVERIFY2(
                buttons.contains(QStringLiteral("Speichern")) && buttons.contains(QStringLiteral("Löschen")),
                qPrintable(buttons.join(u',')));
            const QString summary = panel.summary();
            QVERIFY2(summary.startsWith(QStringLiteral("0 Datensätze")), qPrintable(summary));
        }
        auto spaces = spaces::SpaceList::load(dir.filePath(QStringLiteral("data")));
        QVERIFY(spaces);
        MainWindow window(std::move(spaces).value(), nullptr);
        QCOMPARE(window.windowTitle(), QStringLiteral("PluresDB Desktop"));
        QStringList labels;
        for (auto* l : window.findChildren<QLabel*>()) labels << l->text();
        QVERIFY2(labels.join(u'\n').contains(QStringLiteral("Noch keine Bereiche")),
                 qPrintable(labels.join(u'\n')));
        QStringList menus;
        for (auto* a : window.menuBar()->actions()) menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&Bereich"), QStringLiteral("&Datensatz"),
                                     QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
        // Qt's own catalogue (standard buttons) comes along when the system has it (qt6-translations-l10n).
        if (QFile::exists(QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath))
                              .filePath(QStringLiteral("qtbase_de.qm")))) {
            QDialogButtonBox box(QDialogButtonBox::Cancel);
            QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
        }
        QVERIFY(i18n::installLanguage(qApp, QStringLiteral("en")));
    }

    /// English has a plural file too, so a count reads "1 record" and "2 records", not "record(s)";
    /// German picks its singular for 1.
    void pluralForms() {
        QVERIFY(i18n::installLanguage(qApp, QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("pluresdb::ui::RecordsPanel", "%n record(s)", nullptr, 1),
                 QStringLiteral("1 record"));
        QCOMPARE(QCoreApplication::translate("pluresdb::ui::RecordsPanel", "%n record(s)", nullptr, 2),
                 QStringLiteral("2 records"));
        QVERIFY(i18n::installLanguage(qApp, QStringLiteral("de")));
        QCOMPARE(QCoreApplication::translate("pluresdb::ui::RecordsPanel", "%n record(s)", nullptr, 1),
                 QStringLiteral("1 Datensatz"));
        QVERIFY(i18n::installLanguage(qApp, QStringLiteral("zh_CN")));
        QCOMPARE(QCoreApplication::translate("pluresdb::ui::RecordsPanel", "%n record(s)", nullptr, 7),
                 QStringLiteral("7 条记录"));
        QVERIFY(i18n::installLanguage(qApp, QStringLiteral("en")));
    }

    /// The choice: the setting wins when it names a language we have; else the first system language
    /// we have (regional variants map to their language, Traditional Chinese is not given Simplified);
    /// else English. The settings page gets the list of languages.
    void chooseLanguage() {
        using i18n::chooseLanguage;
        QCOMPARE(chooseLanguage(QStringLiteral("fr"), {QStringLiteral("de-DE")}), QStringLiteral("fr"));
        QCOMPARE(chooseLanguage(QStringLiteral("zh-CN"), {}), QStringLiteral("zh_CN"));
        QCOMPARE(chooseLanguage(QStringLiteral("xx"), {QStringLiteral("es-MX")}), QStringLiteral("es"));
        QCOMPARE(chooseLanguage({}, {QStringLiteral("de-AT"), QStringLiteral("fr")}), QStringLiteral("de"));
        QCOMPARE(chooseLanguage({}, {QStringLiteral("en-US"), QStringLiteral("de")}), QStringLiteral("en"));
        QCOMPARE(chooseLanguage({}, {QStringLiteral("zh-Hans-CN")}), QStringLiteral("zh_CN"));
        QCOMPARE(chooseLanguage({}, {QStringLiteral("zh-Hant-TW"), QStringLiteral("fr-CA")}),
                 QStringLiteral("fr"));
        QCOMPARE(chooseLanguage({}, {QStringLiteral("zh-TW")}), QStringLiteral("en"));
        QCOMPARE(chooseLanguage({}, {QStringLiteral("C")}), QStringLiteral("en"));
        QStringList codes;
        for (const auto& l : i18n::availableLanguages()) {
            QVERIFY(!l.nativeName.isEmpty());
            codes << l.code;
        }
        QCOMPARE(codes.first(), QStringLiteral("en"));
        for (const char* lang : {"de", "fr", "es", "zh_CN"})
            QVERIFY2(codes.contains(QLatin1String(lang)), lang);
    }

    /// The setting "language"="fr" turns the app French whatever the system says.
    void settingOverridesSystem() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.setValue(QLatin1String(i18n::kLanguageSetting), QStringLiteral("fr"));
        QCOMPARE(i18n::applyLanguage(qApp, settings), QStringLiteral("fr"));
        auto db = std::move(Database::open(dir.filePath(QStringLiteral("db")))).value();
        {
            RecordsPanel panel(db.get());
            QVERIFY(placeholders(panel).contains(QStringLiteral("Filtrer par préfixe d’identifiant")));
        }
        QVERIFY(i18n::installLanguage(qApp, QStringLiteral("en")));
    }

    /// The app itself at start-up: the system language (LANGUAGE=de) gives German, and the user's
    /// setting "language"=fr in the per-user settings file overrides it (seen in --help, whose texts
    /// are made after the hook runs).
    void startUpFollowsSystemAndSetting() {
        QVERIFY2(QFile::exists(desktopPath()), qPrintable(desktopPath()));
        QTemporaryDir config;
        const auto help = [&] {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
            env.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
            p.setProcessEnvironment(env);
            p.start(desktopPath(), {QStringLiteral("--help")});
            if (!p.waitForFinished(30'000)) p.kill();
            return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        };
        const QString german = help();
        QVERIFY2(german.contains(QStringLiteral("Das Datenverzeichnis")), qPrintable(german));

        QSettings user(QDir(config.path()).filePath(QStringLiteral("PluresDB/pluresdb-desktop.ini")),
                       QSettings::IniFormat);
        user.setValue(QLatin1String(i18n::kLanguageSetting), QStringLiteral("fr"));
        user.sync();
        const QString french = help();
        QVERIFY2(french.contains(QStringLiteral("Le dossier de données")), qPrintable(french));
    }

private:
    void languages() {
        QTest::addColumn<QString>("lang");
        for (const char* lang : {"de", "fr", "es", "zh_CN"}) QTest::newRow(lang) << QString::fromLatin1(lang);
    }

    QTemporaryDir m_scratch;
    QList<Entry> m_used;
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
