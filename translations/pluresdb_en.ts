<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>pluresdb::ui::FieldHistoryModel</name>
    <message numerus="yes">
        <location filename="../ui/models/FieldHistoryModel.cpp" line="+151"/>
        <source>conflict: %n concurrent write(s)</source>
        <translation>
            <numerusform>conflict: %n concurrent write</numerusform>
            <numerusform>conflict: %n concurrent writes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n write</numerusform>
            <numerusform>%n writes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/windows/MainWindow.cpp" line="+325"/>
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n peer</numerusform>
            <numerusform>%n peers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsPanel</name>
    <message numerus="yes">
        <location filename="../ui/windows/RecordsPanel.cpp" line="+188"/>
        <source>History (%n conflict(s))</source>
        <translation>
            <numerusform>History (%n conflict)</numerusform>
            <numerusform>History (%n conflicts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n+ records</source>
        <translation>
            <numerusform>%n+ records</numerusform>
            <numerusform>%n+ records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::ShareDialog</name>
    <message numerus="yes">
        <location filename="../ui/dialogs/ShareDialog.cpp" line="+109"/>
        <source>Copied. The clipboard will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied. The clipboard will be cleared in %n second.</numerusform>
            <numerusform>Copied. The clipboard will be cleared in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SyncMonitorWindow</name>
    <message numerus="yes">
        <location filename="../ui/windows/SyncMonitorWindow.cpp" line="+484"/>
        <source>%n byte(s) on the wire:</source>
        <translation>
            <numerusform>%n byte on the wire:</numerusform>
            <numerusform>%n bytes on the wire:</numerusform>
        </translation>
    </message>
</context>
</TS>
