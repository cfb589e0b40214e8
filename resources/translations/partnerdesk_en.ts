<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivityCountsModel</name>
    <message numerus="yes">
        <source>%Ln joint activities in %2, %3. Click to list them.</source>
        <translation>
            <numerusform>One joint activity in %2, %3. Click to see it.</numerusform>
            <numerusform>%Ln joint activities in %2, %3. Click to list them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%Ln partners</source>
        <translation>
            <numerusform>%Ln partner</numerusform>
            <numerusform>%Ln partners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln thematic areas</source>
        <translation>
            <numerusform>%Ln thematic area</numerusform>
            <numerusform>%Ln thematic areas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreements</source>
        <translation>
            <numerusform>%Ln agreement</numerusform>
            <numerusform>%Ln agreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln consultations</source>
        <translation>
            <numerusform>%Ln consultation</numerusform>
            <numerusform>%Ln consultations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln joint activities</source>
        <translation>
            <numerusform>%Ln joint activity</numerusform>
            <numerusform>%Ln joint activities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln follow-ups</source>
        <translation>
            <numerusform>%Ln follow-up</numerusform>
            <numerusform>%Ln follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hours</source>
        <translation>
            <numerusform>%Ln hour</numerusform>
            <numerusform>%Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minutes</source>
        <translation>
            <numerusform>%Ln minute</numerusform>
            <numerusform>%Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attached files</source>
        <translation>
            <numerusform>%Ln attached file</numerusform>
            <numerusform>%Ln attached files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRegistrationDialog</name>
    <message numerus="yes">
        <source>%Ln participants can be added to the list.</source>
        <translation>
            <numerusform>One participant can be added to the list.</numerusform>
            <numerusform>%Ln participants can be added to the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are left out: see Problems (correct them in the file and import it again, or add those people by hand).</source>
        <translation>
            <numerusform>One row is left out: see Problems (correct it in the file and import it again, or add that person by hand).</numerusform>
            <numerusform>%Ln rows are left out: see Problems (correct them in the file and import it again, or add those people by hand).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %Ln participants</source>
        <translation>
            <numerusform>&amp;Add 1 participant</numerusform>
            <numerusform>&amp;Add %Ln participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSpreadsheetDialog</name>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problems: nothing can be imported until they are corrected.</source>
        <translation>
            <numerusform>%Ln problem: nothing can be imported until it is corrected.</numerusform>
            <numerusform>%Ln problems: nothing can be imported until they are corrected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %Ln problems. Correct the file, then import it again.</source>
        <translation>
            <numerusform>Nothing was imported: %Ln problem. Correct the file, then import it again.</numerusform>
            <numerusform>Nothing was imported: %Ln problems. Correct the file, then import it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln conflicts</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln follow-ups created.</source>
        <translation>
            <numerusform>%Ln follow-up created.</numerusform>
            <numerusform>%Ln follow-ups created.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantCounts</name>
    <message numerus="yes">
        <source>%Ln participants (%1)</source>
        <translation>
            <numerusform>1 participant (%1)</numerusform>
            <numerusform>%Ln participants (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and 1 more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln countries: %1</source>
        <translation>
            <numerusform>1 country: %1</numerusform>
            <numerusform>%Ln countries: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrepareBriefingDialog</name>
    <message numerus="yes">
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message numerus="yes">
        <source>… and %Ln more, not listed here.</source>
        <translation>
            <numerusform>… and %Ln more, not listed here.</numerusform>
            <numerusform>… and %Ln more, not listed here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln earlier changes</source>
        <translation>
            <numerusform>and %Ln earlier change</numerusform>
            <numerusform>and %Ln earlier changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message numerus="yes">
        <source>%Ln participants added: save the activity to keep them.</source>
        <translation>
            <numerusform>1 participant added: save the activity to keep them.</numerusform>
            <numerusform>%Ln participants added: save the activity to keep them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%Ln records match “%1”.</source>
        <translation>
            <numerusform>One record matches “%1”.</numerusform>
            <numerusform>%Ln records match “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StorageCounts</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
