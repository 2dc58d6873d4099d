<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AcceleratorDialog</name>
    <message>
        <location filename="../ui/calculators.py" line="192"/>
        <source>Accelerator</source>
        <translation>アクセラレータ</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="194"/>
        <source>Accelerator model</source>
        <translation>アクセラレータの型式</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="198"/>
        <source>Number of accelerators</source>
        <translation>アクセラレータの台数</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="203"/>
        <source>&amp;Model:</source>
        <translation>型式(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="203"/>
        <source>&amp;Count:</source>
        <translation>台数(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>AnswerChoice</name>
    <message>
        <location filename="../ui/answer_choice.py" line="55"/>
        <source>{state} — {where}</source>
        <translation>{state} — {where}</translation>
    </message>
</context>
<context>
    <name>AnswerEditor</name>
    <message>
        <location filename="../ui/editors.py" line="72"/>
        <source>Answer to {name}</source>
        <translation>{name} への回答</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="90"/>
        <source>Justification</source>
        <translation>根拠</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="91"/>
        <source>Why this answer? Required for Not applicable.</source>
        <translation>この回答とした理由。「該当なし」の場合は必須です。</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="96"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="98"/>
        <source>Mar&amp;k for review</source>
        <translation>要確認として印を付ける(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="99"/>
        <source>Mark for review</source>
        <translation>要確認として印を付ける</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="104"/>
        <source>Remediation owner</source>
        <translation>是正担当者</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="107"/>
        <source>D&amp;ue date:</source>
        <translation>期限(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="108"/>
        <source>Set a remediation due date</source>
        <translation>是正期限を設定</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="111"/>
        <source>Remediation due date</source>
        <translation>是正期限</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="79"/>
        <location filename="../ui/editors.py" line="126"/>
        <source>&amp;Answer:</source>
        <translation>回答(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="128"/>
        <source>&amp;Justification:</source>
        <translation>根拠(&amp;J)：</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="129"/>
        <source>Note&amp;s:</source>
        <translation>メモ(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="131"/>
        <source>Remediation o&amp;wner:</source>
        <translation>是正担当者(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="138"/>
        <source>Evidence:</source>
        <translation>証跡：</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="217"/>
        <source>A “Not applicable” answer needs a justification. Write why it does not apply, then choose Not applicable.</source>
        <translation>「該当なし」と回答するには根拠が必要です。該当しない理由を記入してから「該当なし」を選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/editors.py" line="227"/>
        <source>A text can be at most {n} characters; the rest of what you pasted was not kept.</source>
        <translation>入力できるのは {n} 文字までです。貼り付けた内容の残りは保存されていません。</translation>
    </message>
</context>
<context>
    <name>BomEditor</name>
    <message>
        <location filename="../ui/bom_editor.py" line="40"/>
        <source>Import bill of materials</source>
        <translation>部品表の取り込み</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="41"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="51"/>
        <source>Hardware bill of materials (value and origin per line)</source>
        <translation>ハードウェア部品表（各行の価額と原産国）</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="53"/>
        <source>Description</source>
        <translation>品目</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="53"/>
        <source>Value</source>
        <translation>価額</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="53"/>
        <source>Origin</source>
        <translation>原産国</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="56"/>
        <source>Hardware bill of materials</source>
        <translation>ハードウェア部品表</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="66"/>
        <source>Add &amp;line</source>
        <translation>行を追加(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="66"/>
        <source>Add a bill of materials line</source>
        <translation>部品表に行を追加</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="67"/>
        <source>Remove l&amp;ine</source>
        <translation>行を削除(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="67"/>
        <source>Remove the selected line</source>
        <translation>選択した行を削除</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="68"/>
        <source>Import CSV…</source>
        <translation>CSV を取り込む…</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="68"/>
        <source>Import a bill of materials from CSV</source>
        <translation>CSV から部品表を取り込む</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="76"/>
        <source>CSV columns: description, value, origin (two-letter country code; empty when not known). Values are plain numbers in one currency.</source>
        <translation>CSV の列：description（品目）、value（価額）、origin（2 文字の国コード。不明なら空欄）。価額は単一通貨の数値のみで記入してください。</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="101"/>
        <source>US-origin share: no lines with a value yet.</source>
        <translation>米国原産比率：価額のある行がまだありません。</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="106"/>
        <source>meets the 51 % presumption</source>
        <translation>51 % の推定基準を満たす</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="107"/>
        <source>below the 51 % presumption</source>
        <translation>51 % の推定基準を下回る</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="108"/>
        <source>undetermined: lines without an origin decide it</source>
        <translation>未確定：原産国のない行が結果を左右します</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="111"/>
        <source>US-origin share by value: {share} — {outcome}. Lines that decide it: {lines}.</source>
        <translation>米国原産比率（価額ベース）：{share} — {outcome}。結果を左右する行：{lines}。</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="123"/>
        <source>line {n}</source>
        <translation>{n} 行目</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="127"/>
        <source>{where}, column description: give a description (up to {n} characters)</source>
        <translation>{where}、description 列：品目を入力してください（{n} 文字以内）</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="133"/>
        <source>{where}, column value: {problem}</source>
        <translation>{where}、value 列：{problem}</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="138"/>
        <source>{where}, column origin: {problem}</source>
        <translation>{where}、origin 列：{problem}</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="156"/>
        <source>New line</source>
        <translation>新しい行</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="180"/>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}：読み込めません（{reason}）</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="184"/>
        <source>{file}: larger than {n:,} bytes</source>
        <translation>{file}：{n:,} バイトを超えています</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="189"/>
        <source>{file}: not UTF-8 text (byte {pos}); save it as CSV UTF-8</source>
        <translation>{file}：UTF-8 のテキストではありません（{pos} バイト目）。CSV UTF-8 で保存してください</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="195"/>
        <source>{file}: nothing imported.</source>
        <translation>{file}：何も取り込んでいません。</translation>
    </message>
    <message>
        <location filename="../ui/bom_editor.py" line="198"/>
        <source>{file}: more than 10,000 lines; nothing imported.</source>
        <translation>{file}：10,000 行を超えるため、何も取り込んでいません。</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../ui/calculators.py" line="363"/>
        <source>Report calendar</source>
        <translation>報告カレンダー</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="367"/>
        <source>Report due</source>
        <translation>報告期限</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="367"/>
        <source>Period covered</source>
        <translation>対象期間</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="367"/>
        <source>Keep records until</source>
        <translation>記録の保存期限</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="375"/>
        <source>Report deadlines</source>
        <translation>報告期限一覧</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="384"/>
        <source>Source: {citation}</source>
        <translation>出典: {citation}</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../ui/main_window.py" line="354"/>
        <source>Compare with {name}</source>
        <translation>{name} との比較</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../ui/review/compare_view.py" line="42"/>
        <source>Comparison of two assessments</source>
        <translation>2 つの評価の比較</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="48"/>
        <source>Section</source>
        <translation>セクション</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="48"/>
        <location filename="../ui/review/compare_view.py" line="52"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="48"/>
        <location filename="../ui/review/compare_view.py" line="52"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="48"/>
        <location filename="../ui/review/compare_view.py" line="52"/>
        <source>Change</source>
        <translation>増減</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="49"/>
        <source>Section scores before and after</source>
        <translation>変更前後のセクション別スコア</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="52"/>
        <source>Requirement</source>
        <translation>要件</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="52"/>
        <source>What changed</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="53"/>
        <source>Requirements that changed</source>
        <translation>変更された要件</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="62"/>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="64"/>
        <source>The two files hold different assessments.</source>
        <translation>2 つのファイルは別々の評価です。</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="66"/>
        <source>Readiness: {old} → {new} ({delta})</source>
        <translation>準備度: {old} → {new}（{delta}）</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="71"/>
        <source>Readiness level: {old} → {new}</source>
        <translation>準備状況レベル: {old} → {new}</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/compare_view.py" line="77"/>
        <source>%n requirement(s) changed</source>
        <translation>
            <numerusform>%n 件の要件が変更されました</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="79"/>
        <source>No requirement changed.</source>
        <translation>変更された要件はありません。</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="82"/>
        <source>Also changed: {fields}</source>
        <translation>その他の変更：{fields}</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="97"/>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="98"/>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="99"/>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="102"/>
        <source>state</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="103"/>
        <source>notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="104"/>
        <source>justification</source>
        <translation>根拠</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="105"/>
        <source>evidence</source>
        <translation>証跡</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="106"/>
        <source>owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="107"/>
        <source>due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../ui/review/compare_view.py" line="108"/>
        <source>marked for review</source>
        <translation>要確認の印</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <location filename="../ui/country_combo.py" line="95"/>
        <source>“{text}” is not a country in the list: the country stays “{country}”. Type part of a name or a two-letter code and choose from the list.</source>
        <translation>「{text}」は一覧にある国ではありません。国は「{country}」のままです。国名の一部または 2 文字のコードを入力し、一覧から選んでください。</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <location filename="../ui/evidence.py" line="99"/>
        <source>Evidence files</source>
        <translation>証跡ファイル</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="103"/>
        <source>Atta&amp;ch evidence…</source>
        <translation>証跡を添付(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="104"/>
        <source>Attach evidence files</source>
        <translation>証跡ファイルを添付</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="106"/>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="107"/>
        <source>Remove the selected evidence file</source>
        <translation>選択した証跡ファイルを削除</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="109"/>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="110"/>
        <source>Open the selected evidence file</source>
        <translation>選択した証跡ファイルを開く</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="132"/>
        <source>{name}
{size} bytes
SHA-256 {sha}</source>
        <translation>{name}
{size} バイト
SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="181"/>
        <location filename="../ui/evidence.py" line="198"/>
        <source>Attach evidence</source>
        <translation>証跡の添付</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="181"/>
        <source>Only files can be attached, not folders.</source>
        <translation>添付できるのはファイルのみです。フォルダーは添付できません。</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="218"/>
        <location filename="../ui/evidence.py" line="224"/>
        <location filename="../ui/evidence.py" line="230"/>
        <source>Open evidence</source>
        <translation>証跡を開く</translation>
    </message>
    <message>
        <location filename="../ui/evidence.py" line="225"/>
        <source>{name} is a program or script, so it is not opened; its folder is shown instead. Check it before running it.</source>
        <translation>{name} はプログラムまたはスクリプトのため開きません。代わりに保存先のフォルダーを表示します。実行する前に内容を確認してください。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../ui/file_actions.py" line="54"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="66"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="70"/>
        <source>{name}[*] (review) — VEU Readiness Assessor</source>
        <translation>{name}[*]（レビュー）— VEU 準備状況評価ツール</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="72"/>
        <source>{name}[*] — VEU Readiness Assessor</source>
        <translation>{name}[*] — VEU 準備状況評価ツール</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="137"/>
        <source>Opening {name}…</source>
        <translation>{name} を開いています…</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="160"/>
        <source>Opened {name} for review: the answers are read-only.</source>
        <translation>{name} をレビュー用に開きました。回答は読み取り専用です。</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="162"/>
        <source>Opened {name}</source>
        <translation>{name} を開きました</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="170"/>
        <source>Cannot open {name}</source>
        <translation>{name} を開けません</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="209"/>
        <source>&amp;Clear list</source>
        <translation>履歴を消去(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="240"/>
        <source>Saving {name}…</source>
        <translation>{name} を保存しています…</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="248"/>
        <source>Cannot save {name}</source>
        <translation>{name} を保存できません</translation>
    </message>
    <message>
        <location filename="../ui/file_actions.py" line="286"/>
        <source>Saved {name}</source>
        <translation>{name} を保存しました</translation>
    </message>
</context>
<context>
    <name>Integrity</name>
    <message>
        <location filename="../ui/integrity.py" line="54"/>
        <source>The evidence is still being checked against the hashes recorded when the file was saved; whether another program modified it is not known yet.</source>
        <translation>証跡ファイルを保存時に記録されたハッシュと照合しています。他のプログラムによって変更されたかどうかはまだ分かりません。</translation>
    </message>
    <message>
        <location filename="../ui/integrity.py" line="65"/>
        <source>Modified by another program since it was saved</source>
        <translation>保存後に他のプログラムで変更されています</translation>
    </message>
    <message>
        <location filename="../ui/integrity.py" line="50"/>
        <source>The evidence could not be checked against the hashes recorded when the file was saved ({error}); whether another program modified it is not known.</source>
        <translation>証跡ファイルを保存時に記録されたハッシュと照合できませんでした（{error}）。他のプログラムによって変更されたかどうかは分かりません。</translation>
    </message>
    <message>
        <location filename="../ui/integrity.py" line="95"/>
        <source>Other parts of the answers or evidence differ too.</source>
        <translation>回答または証跡のその他の部分も異なります。</translation>
    </message>
    <message>
        <location filename="../ui/integrity.py" line="111"/>
        <source>A sign-off&apos;s signature is invalid</source>
        <translation>承認（サインオフ）の電子署名が無効です</translation>
    </message>
    <message>
        <location filename="../ui/integrity.py" line="100"/>
        <source>Changed after sign-off on {date}</source>
        <translation>{date} の署名後に変更されています</translation>
    </message>
    <message>
        <location filename="../ui/integrity.py" line="97"/>
        <source>Changed after sign-off on {date}: the answers or evidence differ from what was signed.</source>
        <translation>{date} の署名後に変更されています：回答または証跡が署名時の内容と異なります。</translation>
    </message>
    <message>
        <location filename="../ui/integrity.py" line="112"/>
        <source>The signature of sign-off #{number} ({name}) is invalid: {reason}. Do not rely on this sign-off.</source>
        <translation>承認（サインオフ）#{number}（{name}）の電子署名は無効です: {reason}。この承認に依拠しないでください。</translation>
    </message>
    <message>
        <location filename="../ui/integrity.py" line="66"/>
        <source>The file no longer matches the hashes recorded when it was saved: {detail}. Check the answers and evidence before relying on them or signing off.</source>
        <translation>ファイルが保存時に記録されたハッシュと一致しません：{detail}。利用または承認（サインオフ）の前に回答と証跡を確認してください。</translation>
    </message>
</context>
<context>
    <name>InventoryAnswerEditor</name>
    <message>
        <location filename="../ui/editors.py" line="279"/>
        <source>Add the sites in the profile to record their accelerator inventory.</source>
        <translation>アクセラレータ台帳を記録するには、プロファイルにサイトを追加してください。</translation>
    </message>
</context>
<context>
    <name>InventoryEditor</name>
    <message>
        <location filename="../ui/calculators.py" line="245"/>
        <source>Accelerator inventory — site {site}</source>
        <translation>アクセラレータ台帳 — サイト {site}</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="247"/>
        <source>Model</source>
        <translation>型式</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="248"/>
        <source>Count</source>
        <translation>台数</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="249"/>
        <source>TOPS</source>
        <translation>TOPS</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="250"/>
        <source>Bits</source>
        <translation>ビット数</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="252"/>
        <source>Die area
(mm²)</source>
        <translation>ダイ面積
（mm²）</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="253"/>
        <source>TPP
each</source>
        <translation>1 台あたり
TPP</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="254"/>
        <source>Classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="268"/>
        <source>Accelerator inventory of site {site}</source>
        <translation>サイト {site} のアクセラレータ台帳</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="274"/>
        <source>Add &amp;line…</source>
        <translation>行を追加(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="274"/>
        <source>Add an accelerator line</source>
        <translation>アクセラレータの行を追加</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="275"/>
        <source>E&amp;dit line…</source>
        <translation>行を編集(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="275"/>
        <source>Edit the selected line</source>
        <translation>選択した行を編集</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="276"/>
        <source>Remove l&amp;ine</source>
        <translation>行を削除(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="276"/>
        <source>Remove the selected line</source>
        <translation>選択した行を削除</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="319"/>
        <source>{n} accelerators, {controlled} controlled (3A090); total TPP {tpp}; systems: {eccn}</source>
        <translation>アクセラレータ {n} 台、うち規制対象（3A090）{controlled} 台。TPP 合計 {tpp}。システム: {eccn}</translation>
    </message>
</context>
<context>
    <name>KeyFileChooser</name>
    <message>
        <location filename="../ui/key_file.py" line="24"/>
        <source>&amp;Sign the PDF with a key file</source>
        <translation>鍵ファイルで PDF に電子署名する(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="25"/>
        <source>Sign the PDF with a key file</source>
        <translation>鍵ファイルで PDF に電子署名する</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="27"/>
        <source>Key file for signing the PDF</source>
        <translation>PDF の署名に使う鍵ファイル</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="28"/>
        <source>Key file (.p12, .pfx)</source>
        <translation>鍵ファイル（.p12、.pfx）</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="29"/>
        <source>Choose &amp;key…</source>
        <translation>鍵を選択(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="30"/>
        <source>Choose the key file for signing the PDF</source>
        <translation>PDF の署名に使う鍵ファイルを選択</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="34"/>
        <source>Passphrase of the key file</source>
        <translation>鍵ファイルのパスフレーズ</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="35"/>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="52"/>
        <source>Choose the key file</source>
        <translation>鍵ファイルを選択</translation>
    </message>
    <message>
        <location filename="../ui/key_file.py" line="53"/>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation>鍵ファイル (*.p12 *.pfx);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../ui/i18n.py" line="207"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/i18n.py" line="208"/>
        <source>&amp;System default</source>
        <translation>システムの設定に従う(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/i18n.py" line="227"/>
        <source>Language changed. Menus and buttons change after you restart the app.</source>
        <translation>言語を変更しました。メニューとボタンはアプリの再起動後に切り替わります。</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../ui/menus.py" line="108"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="110"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="117"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="118"/>
        <source>&amp;New</source>
        <translation>新規作成(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="119"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="120"/>
        <source>Open for Re&amp;view…</source>
        <translation>レビュー用に開く(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="121"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="122"/>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="123"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="124"/>
        <source>&amp;Export</source>
        <translation>出力(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="125"/>
        <source>&amp;PDF report…</source>
        <translation>PDF 報告書(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="126"/>
        <source>&amp;Gap list (CSV)…</source>
        <translation>ギャップ一覧 (CSV)(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="127"/>
        <source>OSCAL &amp;assessment results…</source>
        <translation>OSCAL 評価結果(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="128"/>
        <source>OSCAL P&amp;OA&amp;&amp;M…</source>
        <translation>OSCAL 是正措置計画 (POA&amp;&amp;M)(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="129"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="130"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="136"/>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="137"/>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="138"/>
        <source>&amp;Next</source>
        <translation>次へ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="139"/>
        <location filename="../ui/menus.py" line="141"/>
        <source>&amp;Review</source>
        <translation>レビュー(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="140"/>
        <source>Next &amp;unanswered</source>
        <translation>次の未回答(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="142"/>
        <source>&amp;Sign off…</source>
        <translation>署名(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="143"/>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="144"/>
        <source>Accelerator &amp;classification (TPP)…</source>
        <translation>アクセラレータの分類（TPP）(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="145"/>
        <source>Com&amp;pare with…</source>
        <translation>比較(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="146"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="147"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="148"/>
        <source>&amp;About</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="149"/>
        <source>How &amp;scoring works</source>
        <translation>スコアの仕組み(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py" line="150"/>
        <source>&amp;Welcome…</source>
        <translation>はじめに(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="245"/>
        <source>Cannot open {name}</source>
        <translation>{name} を開けません</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="300"/>
        <source>About</source>
        <translation>このアプリについて</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="301"/>
        <source>VEU Readiness Assessor {version}
Questionnaire {catalog}, as of {as_of}

{disclaimer}</source>
        <translation>VEU 準備状況評価ツール {version}
質問票 {catalog}（{as_of} 時点）

{disclaimer}</translation>
    </message>
    <message>
        <location filename="../ui/autosave.py" line="118"/>
        <location filename="../ui/autosave.py" line="132"/>
        <source>Recovery</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../ui/autosave.py" line="125"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../ui/autosave.py" line="91"/>
        <location filename="../ui/autosave.py" line="70"/>
        <source>Autosave failed: {error}</source>
        <translation>自動保存に失敗しました: {error}</translation>
    </message>
    <message>
        <location filename="../ui/autosave.py" line="86"/>
        <source>Autosave could not copy new evidence ({error}); it is kept where it was attached from.</source>
        <translation>自動保存で新しい証跡ファイルをコピーできませんでした（{error}）。ファイルは添付元の場所にあるものを使います。</translation>
    </message>
    <message>
        <location filename="../ui/autosave.py" line="119"/>
        <source>Unsaved work from an earlier session cannot be restored ({problem}); it is removed.</source>
        <translation>前回のセッションの未保存の作業は復元できません（{problem}）。削除します。</translation>
    </message>
    <message>
        <location filename="../ui/autosave.py" line="126"/>
        <source>{name}, autosaved {when}</source>
        <translation>{name}（{when} に自動保存）</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../ui/navigation.py" line="104"/>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="105"/>
        <source>&amp;Pages</source>
        <translation>ページ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="106"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 戻る(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="107"/>
        <source>Previous page</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="108"/>
        <source>&amp;Next &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="109"/>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="110"/>
        <source>Next unanswered</source>
        <translation>次の未回答へ</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="112"/>
        <source>Go to the next question not yet answered (Ctrl+J)</source>
        <translation>まだ回答していない次の質問へ移動します（Ctrl+J）</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="244"/>
        <source>{title}
{done}/{total} done (checklist)</source>
        <translation>{title}
{done}/{total} 完了（チェックリスト）</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="248"/>
        <source>{title}
{answered}/{total} answered ({completeness}) · readiness {readiness}</source>
        <translation>{title}
{total} 問中 {answered} 問回答（{completeness}）· 準備度 {readiness}</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="255"/>
        <source>{title}
(out of scope)</source>
        <translation>{title}
（対象外）</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="260"/>
        <source>reviewed {n}/{total}</source>
        <translation>レビュー済み {n}/{total}</translation>
    </message>
    <message>
        <location filename="../ui/navigation.py" line="342"/>
        <source>Every question is answered.</source>
        <translation>すべての質問に回答済みです。</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../ui/profile_page.py" line="48"/>
        <location filename="../ui/profile_page.py" line="121"/>
        <source>Applicant profile</source>
        <translation>申請者プロファイル</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="54"/>
        <source>Assessment title</source>
        <translation>評価の名称</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="55"/>
        <source>e.g. Tokyo campus, first VEU application</source>
        <translation>例: 東京キャンパス 初回 VEU 申請</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="58"/>
        <source>Assessment date</source>
        <translation>評価日</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="62"/>
        <source>Applicant name</source>
        <translation>申請者名</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="64"/>
        <source>Destination country</source>
        <translation>仕向国</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="68"/>
        <source>Country of the ultimate parent&apos;s headquarters</source>
        <translation>最終親会社の本社所在国</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="73"/>
        <source>Assessment title:</source>
        <translation>評価の名称：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="74"/>
        <source>Assessment date:</source>
        <translation>評価日：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="75"/>
        <source>App&amp;licant name:</source>
        <translation>申請者名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="76"/>
        <source>Destination co&amp;untry:</source>
        <translation>仕向国(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="77"/>
        <source>Ultimate parent head&amp;quartered in:</source>
        <translation>最終親会社の本社所在国(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="79"/>
        <source>Sells &amp;compute to third parties (IaaS)?</source>
        <translation>第三者への計算資源の販売（IaaS）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="80"/>
        <source>Hosts AI &amp;model training?</source>
        <translation>AI モデル学習のホスティング(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="81"/>
        <source>Any government o&amp;wnership or control?</source>
        <translation>政府による所有・支配(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="86"/>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="87"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="88"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="96"/>
        <source>Optional modules</source>
        <translation>任意モジュール</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="108"/>
        <source>Kept apart: never counts in the VEU readiness score.</source>
        <translation>別枠で扱い、VEU の準備スコアには一切含めません。</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="122"/>
        <source>The profile decides which sections and requirements apply.</source>
        <translation>プロファイルに応じて、適用されるセクションと要件が決まります。</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="134"/>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="139"/>
        <source>(not chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="160"/>
        <source>Sites (data centers the authorization would name)</source>
        <translation>サイト（許可に記載されるデータセンター）</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="162"/>
        <source>Sites</source>
        <translation>サイト</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="164"/>
        <source>&amp;Add site</source>
        <translation>サイトを追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="165"/>
        <source>Add a site</source>
        <translation>サイトを追加</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="167"/>
        <source>Rem&amp;ove site</source>
        <translation>サイトを削除(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="168"/>
        <source>Remove the selected site</source>
        <translation>選択したサイトを削除</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="171"/>
        <source>Site id</source>
        <translation>サイト ID</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="172"/>
        <source>Lower-case letters, digits and hyphens, e.g. tokyo-1</source>
        <translation>英小文字・数字・ハイフン（例: tokyo-1）</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="175"/>
        <source>Site name</source>
        <translation>サイト名</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="178"/>
        <source>Site address</source>
        <translation>サイトの所在地</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="179"/>
        <source>Site country</source>
        <translation>サイトの所在国</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="192"/>
        <source>Site i&amp;d:</source>
        <translation>サイト ID(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="193"/>
        <source>S&amp;ite name:</source>
        <translation>サイト名(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="194"/>
        <source>Addre&amp;ss:</source>
        <translation>所在地(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="195"/>
        <source>Countr&amp;y:</source>
        <translation>国(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="277"/>
        <source>a site id is 1 to 40 lower-case letters, digits or hyphens, starting with a letter or digit (e.g. tokyo-1)</source>
        <translation>サイト ID は英小文字・数字・ハイフンの 1～40 文字で、英小文字か数字で始めてください（例：tokyo-1）</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="280"/>
        <source>every site needs a name</source>
        <translation>すべてのサイトに名称が必要です</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="282"/>
        <source>two sites cannot have the same id</source>
        <translation>同じ ID のサイトを 2 つ登録することはできません</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="294"/>
        <source>Not saved: {problem}</source>
        <translation>保存されていません: {problem}</translation>
    </message>
    <message>
        <location filename="../ui/profile_page.py" line="321"/>
        <source>Site {n}</source>
        <translation>サイト {n}</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../ui/pages.py" line="111"/>
        <location filename="../ui/report_page.py" line="99"/>
        <location filename="../ui/report_page.py" line="100"/>
        <location filename="../ui/report_page.py" line="206"/>
        <source>Report</source>
        <extracomment>The formats the page (and File &gt; Export) offers, in menu order: &quot;pdf&quot; plus registry names.</extracomment>
        <translation>報告書</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="102"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="103"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="106"/>
        <source>Report language</source>
        <translation>報告書の言語</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="108"/>
        <source>Report &amp;language:</source>
        <translation>報告書の言語(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="110"/>
        <source>Export P&amp;DF…</source>
        <translation>PDF を出力(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="110"/>
        <source>Export the PDF report</source>
        <translation>PDF 報告書を出力</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="111"/>
        <source>Export &amp;CSV…</source>
        <translation>CSV を出力(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="111"/>
        <source>Export the gap list as CSV</source>
        <translation>ギャップ一覧を CSV で出力</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="114"/>
        <source>Export OSCAL assessment res&amp;ults (JSON)…</source>
        <translation>OSCAL 評価結果を JSON で出力(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="115"/>
        <source>Export the OSCAL assessment results as JSON</source>
        <translation>OSCAL 評価結果を JSON で出力</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="119"/>
        <source>Export OSCAL P&amp;OA&amp;&amp;M (JSON)…</source>
        <translation>OSCAL 是正措置計画 (POA&amp;&amp;M) を JSON で出力(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="120"/>
        <source>Export the OSCAL plan of action and milestones as JSON</source>
        <translation>OSCAL の是正措置・マイルストーン計画を JSON で出力</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="124"/>
        <source>Cancel e&amp;xport</source>
        <translation>出力を中止(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="125"/>
        <source>Cancel the export</source>
        <translation>出力を中止</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="130"/>
        <source>Export in progress</source>
        <translation>出力中</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="136"/>
        <location filename="../ui/report_page.py" line="337"/>
        <source>Open the file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="139"/>
        <source>Show in folder</source>
        <translation>フォルダーを表示</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="165"/>
        <source>Summary preview</source>
        <translation>概要のプレビュー</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="220"/>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="255"/>
        <source>Cannot sign the PDF: {reason}</source>
        <translation>PDF に署名できません: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="346"/>
        <source>Could not write {path}:
{reason}</source>
        <translation>{path} に書き込めませんでした:
{reason}</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="222"/>
        <source>Export PDF report</source>
        <translation>PDF 報告書の出力</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="222"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="224"/>
        <source>Export gap list</source>
        <translation>ギャップ一覧の出力</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="224"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="226"/>
        <source>Export OSCAL assessment results</source>
        <translation>OSCAL 評価結果の出力</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="228"/>
        <source>Export OSCAL POA&amp;M</source>
        <translation>OSCAL POA&amp;M の出力</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="306"/>
        <source>Export cancelled.</source>
        <translation>出力を中止しました。</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="324"/>
        <source>Wrote {path}</source>
        <translation>{path} に出力しました</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="341"/>
        <source>Export failed.</source>
        <translation>出力に失敗しました。</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="345"/>
        <location filename="../ui/report_page.py" line="291"/>
        <source>Export failed</source>
        <translation>出力に失敗しました</translation>
    </message>
</context>
<context>
    <name>RequirementPanel</name>
    <message>
        <location filename="../ui/requirement_panel.py" line="68"/>
        <source>Requirement {id}</source>
        <translation>要件 {id}</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="82"/>
        <source>GATE</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="82"/>
        <source>VERIFY wording</source>
        <translation>文言要確認（VERIFY）</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="83"/>
        <source>If this is a gap</source>
        <translation>ギャップの場合の是正策</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="91"/>
        <source>mandatory</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="92"/>
        <source>recommended</source>
        <translation>推奨</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="93"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="95"/>
        <source>{importance}, weight {weight}</source>
        <translation>{importance}、重み {weight}</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="120"/>
        <source>Citation: {citation}</source>
        <translation>根拠規定: {citation}</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="123"/>
        <source>Evidence you may reuse (indicative mapping): {controls}</source>
        <translation>流用できる証跡（参考の対応付け）：{controls}</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="189"/>
        <source>✓ Answered</source>
        <translation>✓ 回答済み</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="191"/>
        <source>○ Not answered</source>
        <translation>○ 未回答</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="193"/>
        <source>◐ {answered} of {total} answered</source>
        <translation>◐ {total} 件中 {answered} 件回答</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/requirement_panel.py" line="199"/>
        <source>⚠ %n verdict(s) stale</source>
        <translation>
            <numerusform>⚠ 要再確認の判定 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="83"/>
        <source>Typical evidence</source>
        <translation>典型的な証跡</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="128"/>
        <source>Guidance and sources: {id}</source>
        <translation>解説と出典：{id}</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="148"/>
        <source>Site: {name}</source>
        <translation>サイト: {name}</translation>
    </message>
    <message>
        <location filename="../ui/requirement_panel.py" line="158"/>
        <source>This requirement is answered per site. Add the sites on the Profile page to answer it for each one.</source>
        <translation>この要件はサイトごとに回答します。プロファイルページでサイトを追加すると、サイトごとに回答できます。</translation>
    </message>
</context>
<context>
    <name>ReviewBanner</name>
    <message>
        <location filename="../ui/review/reviewer.py" line="92"/>
        <source>Review mode: the operator&apos;s answers are read-only; record your verdict beside each one. Reviewer: {who}</source>
        <translation>レビューモード: 事業者の回答は読み取り専用です。各回答の横に判定を記録してください。レビュー担当者: {who}</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewer.py" line="94"/>
        <source>Change rev&amp;iewer…</source>
        <translation>レビュー担当者を変更(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewer.py" line="96"/>
        <source>Review mode: the operator&apos;s answers are read-only. Set your name as reviewer before recording verdicts.</source>
        <translation>レビューモード: 事業者の回答は読み取り専用です。判定を記録する前に、レビュー担当者として氏名を設定してください。</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewer.py" line="98"/>
        <source>Set rev&amp;iewer…</source>
        <translation>レビュー担当者を設定(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>ReviewFilterCombo</name>
    <message>
        <location filename="../ui/review/filter_combo.py" line="21"/>
        <source>All requirements</source>
        <translation>すべての要件</translation>
    </message>
    <message>
        <location filename="../ui/review/filter_combo.py" line="22"/>
        <source>Unreviewed</source>
        <translation>未レビュー</translation>
    </message>
    <message>
        <location filename="../ui/review/filter_combo.py" line="23"/>
        <source>Marked for review by the operator</source>
        <translation>事業者が要確認の印を付けたもの</translation>
    </message>
    <message>
        <location filename="../ui/review/filter_combo.py" line="24"/>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../ui/review/filter_combo.py" line="25"/>
        <source>Needs more information</source>
        <translation>追加情報が必要</translation>
    </message>
    <message>
        <location filename="../ui/review/filter_combo.py" line="26"/>
        <source>Gaps</source>
        <translation>ギャップ</translation>
    </message>
    <message>
        <location filename="../ui/review/filter_combo.py" line="27"/>
        <source>Changed since sign-off</source>
        <translation>署名後に変更された項目</translation>
    </message>
    <message>
        <location filename="../ui/review/filter_combo.py" line="31"/>
        <source>Show requirements</source>
        <translation>表示する要件</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../ui/pages.py" line="110"/>
        <location filename="../ui/review_page.py" line="132"/>
        <location filename="../ui/review_page.py" line="198"/>
        <location filename="../ui/review_page.py" line="238"/>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="141"/>
        <source>Section</source>
        <translation>セクション</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="141"/>
        <source>Answered</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="141"/>
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="141"/>
        <source>Readiness</source>
        <translation>準備度</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="141"/>
        <source>Completeness</source>
        <translation>回答率</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="142"/>
        <location filename="../ui/review_page.py" line="207"/>
        <source>Section scores</source>
        <translation>セクション別スコア</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="147"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="148"/>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="149"/>
        <source>Requirement</source>
        <translation>要件</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="150"/>
        <source>Site</source>
        <translation>サイト</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="151"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="152"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="153"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="154"/>
        <source>Citation</source>
        <translation>根拠規定</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="156"/>
        <source>Ranked gap list</source>
        <translation>優先順位付きギャップ一覧</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="162"/>
        <location filename="../ui/review_page.py" line="189"/>
        <source>Double-click or press Enter to go to the requirement</source>
        <translation>ダブルクリックまたは Enter キーで要件へ移動します</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="171"/>
        <source>Nobody has signed off this assessment yet.</source>
        <translation>この評価にはまだ誰も署名していません。</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="173"/>
        <source>Tr&amp;ust the selected signer…</source>
        <translation>選択した署名者を信頼する(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="174"/>
        <source>Trust the signer of the selected sign-off</source>
        <translation>選択した承認の署名者を信頼する</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="177"/>
        <source>&amp;Sign off…</source>
        <translation>署名(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="178"/>
        <source>Sign off this assessment</source>
        <translation>この評価に署名する</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="182"/>
        <source>Sho&amp;w:</source>
        <translation>表示(&amp;W):</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="185"/>
        <source>Requirements for review</source>
        <translation>レビュー対象の要件</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="199"/>
        <source>Route selection</source>
        <translation>ルートの選択</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="201"/>
        <source>Readiness for the Data Center VEU route</source>
        <translation>データセンター VEU ルートに対する準備状況</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="209"/>
        <source>Gaps, most important first</source>
        <translation>ギャップ（重要度の高い順）</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="211"/>
        <source>Auditor&apos;s review and sign-offs</source>
        <translation>監査人のレビューと署名</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="289"/>
        <source> (provisional: not every question is answered)</source>
        <translation>（暫定: 未回答の質問があります）</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="295"/>
        <source>Readiness {readiness} (unanswered counts as not met) · completeness {completeness} ({answered} of {total} answered) · score of the answered items only {answered_score}</source>
        <translation>準備度 {readiness}（未回答は未充足として計算）· 回答率 {completeness}（{total} 問中 {answered} 問回答済み）· 回答済み項目のみのスコア {answered_score}</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="305"/>
        <source>Gates failed: {n}</source>
        <translation>未達のゲート: {n}</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="309"/>
        <source>Gates open: {n}</source>
        <translation>未確定のゲート: {n}</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="315"/>
        <source>out of scope</source>
        <translation>対象外</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="317"/>
        <source>stretch module, scored separately</source>
        <translation>発展モジュール（別途採点）</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="328"/>
        <source> (stretch, not in force)</source>
        <translation>（発展：現行規則ではない）</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="379"/>
        <source>Nobody has signed off this assessment yet: nothing to compare with.</source>
        <translation>この評価にはまだ誰も署名していません。比較する対象がありません。</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="381"/>
        <source>Nothing changed since the last sign-off ({date}).</source>
        <translation>最後の署名（{date}）以降、変更はありません。</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="384"/>
        <source>Since the last sign-off ({date}):</source>
        <translation>最後の署名（{date}）以降：</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="399"/>
        <source>Trust {signer} as a signer?

Certificate SHA-256:
{fingerprint}

Do this only after comparing this fingerprint with the one the signer gave you in person, by phone or in a letter.</source>
        <translation>{signer} を署名者として信頼しますか？

証明書 SHA-256:
{fingerprint}

このフィンガープリントを、署名者から対面・電話・書面で受け取ったものと照合してから行ってください。</translation>
    </message>
    <message>
        <location filename="../ui/review_page.py" line="402"/>
        <location filename="../ui/review_page.py" line="410"/>
        <source>Trust signer</source>
        <translation>署名者を信頼</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../ui/review/panel.py" line="80"/>
        <source>Auditor&apos;s review</source>
        <translation>監査人のレビュー</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="84"/>
        <location filename="../ui/review/panel.py" line="44"/>
        <source>Not reviewed</source>
        <translation>未レビュー</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="87"/>
        <location filename="../ui/review/panel.py" line="153"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="104"/>
        <source>Auditor&apos;s comment</source>
        <translation>監査人のコメント</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="106"/>
        <source>Same as the operator&apos;s answer</source>
        <translation>事業者の回答と同じ</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="110"/>
        <source>Auditor-adjusted state</source>
        <translation>監査人による修正後の区分</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="119"/>
        <source>Stale: the operator&apos;s answer changed after this verdict.</source>
        <translation>要再確認：この判定の後に事業者の回答が変更されています。</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="124"/>
        <source>Confirm for the changed answer</source>
        <translation>変更後の回答に対して判定を確定</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="135"/>
        <source>Ver&amp;dict</source>
        <translation>判定(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="138"/>
        <source>&amp;Comment</source>
        <translation>コメント(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="141"/>
        <source>&amp;Adjusted state</source>
        <translation>修正後の区分(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="155"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="156"/>
        <source>Adjusted state</source>
        <translation>修正後の区分</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="164"/>
        <location filename="../ui/review/panel.py" line="38"/>
        <source>Accepted</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="165"/>
        <location filename="../ui/review/panel.py" line="39"/>
        <source>Needs more information</source>
        <translation>追加情報が必要</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="166"/>
        <location filename="../ui/review/panel.py" line="40"/>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="218"/>
        <source>A comment can be at most {n} characters; the rest of what you pasted was not kept.</source>
        <translation>コメントは {n} 文字までです。貼り付けた内容の残りは保存されていません。</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="207"/>
        <location filename="../ui/review/panel.py" line="241"/>
        <source>Set your name as reviewer first (the button at the top of the page): every verdict records who gave it.</source>
        <translation>先にレビュー担当者として氏名を設定してください（ページ上部のボタン）。判定には必ず判定者が記録されます。</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="248"/>
        <source>“{verdict}” needs a comment: say what is wrong or what to send. The verdict is recorded once the comment is written.</source>
        <translation>「{verdict}」にはコメントが必要です。何が問題か、何を提出すべきかを書いてください。コメントを書くと判定が記録されます。</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="275"/>
        <source>Reviewed by {name} on {date}</source>
        <translation>{date} に {name} がレビュー</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="276"/>
        <source>(no name)</source>
        <translation>（氏名なし）</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="284"/>
        <source>Not reviewed yet</source>
        <translation>まだレビューされていません</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="52"/>
        <source>{n} of {total} reviewed</source>
        <translation>{total} 件中 {n} 件レビュー済み</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="49"/>
        <source>{n} of {total} reviewed, rejected</source>
        <translation>{total} 件中 {n} 件レビュー済み、却下あり</translation>
    </message>
    <message>
        <location filename="../ui/review/panel.py" line="51"/>
        <source>{n} of {total} reviewed, needs information</source>
        <translation>{total} 件中 {n} 件レビュー済み、追加情報が必要</translation>
    </message>
</context>
<context>
    <name>ReviewerDialog</name>
    <message>
        <location filename="../ui/review/reviewer.py" line="35"/>
        <source>Reviewer</source>
        <translation>レビュー担当者</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewer.py" line="38"/>
        <source>Reviewer&apos;s name</source>
        <translation>レビュー担当者の氏名</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewer.py" line="41"/>
        <source>Reviewer&apos;s organisation</source>
        <translation>レビュー担当者の所属組織</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewer.py" line="43"/>
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewer.py" line="44"/>
        <source>&amp;Organisation:</source>
        <translation>所属組織(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/review/reviewer.py" line="45"/>
        <source>Every verdict you record names you. This is remembered on this computer.</source>
        <translation>記録するすべての判定にあなたの氏名が残ります。この設定はこのコンピューターに保存されます。</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <location filename="../ui/route_panel.py" line="39"/>
        <source>Route selection</source>
        <translation>ルートの選択</translation>
    </message>
    <message>
        <location filename="../ui/route_panel.py" line="46"/>
        <source>Route</source>
        <translation>ルート</translation>
    </message>
    <message>
        <location filename="../ui/route_panel.py" line="46"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../ui/route_panel.py" line="46"/>
        <source>Reasons and citations</source>
        <translation>理由と根拠</translation>
    </message>
    <message>
        <location filename="../ui/route_panel.py" line="47"/>
        <source>Routes and reasons</source>
        <translation>ルートと理由</translation>
    </message>
    <message>
        <location filename="../ui/route_panel.py" line="59"/>
        <source>The readiness score below measures readiness for the Data Center VEU route only.</source>
        <translation>以下の準備スコアは、データセンター VEU ルートに対する準備状況のみを示します。</translation>
    </message>
</context>
<context>
    <name>ScoringHelpDialog</name>
    <message>
        <location filename="../ui/help_pages.py" line="21"/>
        <location filename="../ui/help_pages.py" line="25"/>
        <source>How scoring works</source>
        <translation>スコアの仕組み</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <location filename="../ui/section_page.py" line="37"/>
        <source>Section {title}</source>
        <translation>セクション {title}</translation>
    </message>
    <message>
        <location filename="../ui/section_page.py" line="76"/>
        <source>Optional module: it has its own result and is never part of the VEU readiness score, level or gates.</source>
        <translation>任意モジュール：独自の結果を持ち、VEU の準備スコア、判定、ゲートには一切含めません。</translation>
    </message>
    <message>
        <location filename="../ui/section_page.py" line="86"/>
        <source>This section is out of scope for the applicant profile. Change the profile to bring it into scope.</source>
        <translation>このセクションは申請者プロファイル上、対象外です。対象に含めるにはプロファイルを変更してください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/section_page.py" line="105"/>
        <source>%n further requirement(s) of this section do not apply to this profile.</source>
        <translation>
            <numerusform>このセクションのほか %n 件の要件は、このプロファイルには該当しません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../ui/session.py" line="357"/>
        <source>Edit profile</source>
        <translation>プロファイルの編集</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="383"/>
        <source>Edit assessment title and date</source>
        <translation>評価の名称と日付を編集</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="416"/>
        <source>Edit bill of materials</source>
        <translation>部品表の編集</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="135"/>
        <source>This file is open for review: the operator&apos;s answers cannot be changed here.</source>
        <translation>このファイルはレビュー用に開かれています。事業者の回答はここでは変更できません。</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="333"/>
        <source>Edit answer: {name}</source>
        <translation>回答の編集: {name}</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="404"/>
        <source>Edit accelerator inventory of {site}</source>
        <translation>{site} のアクセラレータ台帳の編集</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="428"/>
        <source>Edit review verdict: {key}</source>
        <translation>レビュー判定の編集: {key}</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="75"/>
        <location filename="../ui/review/signoff_dialog.py" line="145"/>
        <source>Sign off</source>
        <translation>承認（サインオフ）</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="90"/>
        <source>I have &amp;checked the answers and evidence as they are now</source>
        <translation>現在の回答と証跡を確認しました(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="91"/>
        <source>Confirm that the content was checked as it is now</source>
        <translation>現在の内容を確認したことの確認</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="104"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="107"/>
        <source>Organisation</source>
        <translation>所属組織</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="110"/>
        <source>Role or title</source>
        <translation>役割または役職</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="112"/>
        <source>Auditor</source>
        <translation>監査人</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="113"/>
        <source>Operator&apos;s responsible officer</source>
        <translation>事業者の責任者</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="114"/>
        <source>Signing as</source>
        <translation>署名者の立場</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="118"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="120"/>
        <source>Statement</source>
        <translation>表明事項</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="121"/>
        <source>e.g. I reviewed every answer and its evidence.</source>
        <translation>例: すべての回答とその証跡を確認しました。</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="126"/>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="127"/>
        <source>&amp;Organisation</source>
        <translation>所属組織(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="128"/>
        <source>&amp;Role</source>
        <translation>役割(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="129"/>
        <source>Signing &amp;as</source>
        <translation>署名者の立場(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="130"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="131"/>
        <source>&amp;Statement</source>
        <translation>表明事項(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="135"/>
        <source>Content digest signed: {digest}</source>
        <translation>署名対象の内容ダイジェスト: {digest}</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="172"/>
        <source>Verdicts recorded: {reviewed} of {total} items in scope</source>
        <translation>判定済み: 対象 {total} 項目中 {reviewed} 項目</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="179"/>
        <source>Section</source>
        <translation>セクション</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="179"/>
        <source>Reviewed</source>
        <translation>判定済み</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="180"/>
        <source>Verdict coverage by section</source>
        <translation>セクション別の判定の網羅状況</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="201"/>
        <source>{n} items in scope have no verdict. A sign-off reads as a review of the whole assessment: record the missing verdicts, or confirm that you sign off without them.</source>
        <translation>対象項目のうち {n} 項目に判定がありません。承認は評価全体をレビューしたものと受け取られます。不足している判定を記録するか、判定なしで承認することを確認してください。</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="206"/>
        <source>Sign off &amp;although {n} items have no verdict</source>
        <translation>{n} 項目に判定がないまま承認する(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="219"/>
        <source>Sign di&amp;gitally with a key file (.p12, .pfx)</source>
        <translation>鍵ファイル（.p12、.pfx）で電子署名する(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="220"/>
        <source>Sign digitally with a key file</source>
        <translation>鍵ファイルで電子署名する</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="222"/>
        <source>Key file</source>
        <translation>鍵ファイル</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="223"/>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="224"/>
        <location filename="../ui/review/signoff_dialog.py" line="258"/>
        <source>Choose the key file</source>
        <translation>鍵ファイルを選択</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="231"/>
        <source>Passphrase of the key file</source>
        <translation>鍵ファイルのパスフレーズ</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="233"/>
        <source>With a key file, the name and organisation are those of its certificate and the date is today; anyone can check the signature, and nobody without the key can make it.</source>
        <translation>鍵ファイルで署名すると、氏名と組織は証明書に記載されたものとなり、日付は本日になります。署名は誰でも検証でき、鍵を持たない人は作成できません。</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="236"/>
        <source>&amp;Key file</source>
        <translation>鍵ファイル(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="239"/>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="259"/>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation>鍵ファイル (*.p12 *.pfx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="291"/>
        <source>Not every item has a verdict: confirm that you sign off without them.</source>
        <translation>判定のない項目があります。判定なしで承認することを確認してください。</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="296"/>
        <source>Confirm that you checked the content as it is now.</source>
        <translation>現在の内容を確認したことをチェックしてください。</translation>
    </message>
</context>
<context>
    <name>SignOffStatusList</name>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="346"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="346"/>
        <source>Organisation</source>
        <translation>所属組織</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="346"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="346"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="346"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="347"/>
        <source>Signature</source>
        <translation>電子署名</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="353"/>
        <source>Sign-offs</source>
        <translation>承認（サインオフ）一覧</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="378"/>
        <source>Certificate SHA-256: {fingerprint}</source>
        <translation>証明書 SHA-256: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="387"/>
        <source>valid, trusted</source>
        <translation>有効（信頼済み）</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="389"/>
        <source>valid, signer not confirmed (SHA-256 {short}…)</source>
        <translation>有効（署名者未確認、SHA-256 {short}…）</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="392"/>
        <source>invalid ({reason})</source>
        <translation>無効（{reason}）</translation>
    </message>
    <message>
        <location filename="../ui/review/signoff_dialog.py" line="393"/>
        <source>unsigned (legacy)</source>
        <translation>未署名（旧形式）</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../ui/summary_panel.py" line="32"/>
        <source>Answered</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="33"/>
        <source>%p% answered</source>
        <translation>%p% 回答済み</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="65"/>
        <source>{level} (provisional)</source>
        <translation>{level}（暫定）</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="71"/>
        <source>Readiness {readiness} · completeness {completeness}</source>
        <translation>準備度 {readiness} · 回答率 {completeness}</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="78"/>
        <source>Gates failed: {failed} · open: {open}</source>
        <translation>未達のゲート: {failed} · 未確定: {open}</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="92"/>
        <source>Auditor-adjusted: {level} · readiness {readiness} · gates failed: {failed}</source>
        <translation>監査人による修正後: {level} · 準備度 {readiness} · 未達のゲート: {failed}</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="95"/>
        <source>The operator&apos;s answers with the auditor&apos;s adjusted states in their place; the operator&apos;s own figures are above.</source>
        <translation>事業者の回答を監査人が修正した区分に置き換えて算出した値です。事業者自身の値は上に表示されています。</translation>
    </message>
</context>
<context>
    <name>TppCalculator</name>
    <message>
        <location filename="../ui/calculators.py" line="122"/>
        <source>Dense TOPS at this bit length</source>
        <translation>このビット長での密 TOPS</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="123"/>
        <source>Bit length</source>
        <translation>ビット長</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="124"/>
        <source>not given</source>
        <translation>未入力</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="125"/>
        <source>Applicable die area in square millimetres</source>
        <translation>該当するダイ面積（平方ミリメートル）</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="126"/>
        <source>Designed or marketed for &amp;data centers</source>
        <translation>データセンター向けに設計・販売(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="127"/>
        <source>Designed or marketed for data centers</source>
        <translation>データセンター向けに設計・販売</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="128"/>
        <source>Source: {citation}</source>
        <translation>出典: {citation}</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="130"/>
        <source>&amp;TOPS (dense):</source>
        <translation>TOPS（密）(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="130"/>
        <source>&amp;Bit length:</source>
        <translation>ビット長(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="130"/>
        <source>Die &amp;area:</source>
        <translation>ダイ面積(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="152"/>
        <source>TPP: {tpp}
Performance density: {pd}
Classification: {eccn} ({reason})</source>
        <translation>TPP: {tpp}
性能密度: {pd}
分類: {eccn}（{reason}）</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="156"/>
        <source>Computers containing it: 4A090</source>
        <translation>これを搭載するコンピュータ: 4A090</translation>
    </message>
</context>
<context>
    <name>TppDialog</name>
    <message>
        <location filename="../ui/calculators.py" line="175"/>
        <source>Accelerator classification (TPP)</source>
        <translation>アクセラレータの分類（TPP）</translation>
    </message>
</context>
<context>
    <name>UnansweredList</name>
    <message>
        <location filename="../ui/unanswered.py" line="51"/>
        <source>Double-click or press Enter to go to the answer</source>
        <translation>ダブルクリックまたは Enter キーで回答欄へ移動します</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/unanswered.py" line="61"/>
        <source>Not yet answered: %n item(s)</source>
        <translation>
            <numerusform>未回答：%n 項目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../ui/help_pages.py" line="41"/>
        <source>Welcome</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <location filename="../ui/help_pages.py" line="43"/>
        <source>The VEU Readiness Assessor takes you through the requirements for Data Center Validated End-User status, scores the gaps and writes a readiness report. Your answers stay in a .veua file on this computer; nothing is sent anywhere.</source>
        <translation>VEU 準備状況アセスメントは、データセンター VEU（認定最終需要者）の要件を順に確認し、ギャップを採点して準備状況レポートを作成します。回答はこのコンピューター上の .veua ファイルに保存され、外部には送信されません。</translation>
    </message>
    <message>
        <location filename="../ui/help_pages.py" line="47"/>
        <source>Start with the Profile page, then answer each section. &quot;Next unanswered&quot; (Ctrl+J) takes you to the next open question; Help ▸ How scoring works explains the score.</source>
        <translation>まずプロファイルのページに入力し、次に各セクションに回答してください。「次の未回答へ」（Ctrl+J）でまだ回答していない質問へ移動できます。スコアについてはヘルプ ▸ スコアの仕組みをご覧ください。</translation>
    </message>
    <message>
        <location filename="../ui/help_pages.py" line="49"/>
        <source>Start a new assessment</source>
        <translation>新しいアセスメントを始める</translation>
    </message>
    <message>
        <location filename="../ui/help_pages.py" line="50"/>
        <source>Open an assessment…</source>
        <translation>アセスメントを開く…</translation>
    </message>
    <message>
        <location filename="../ui/help_pages.py" line="51"/>
        <source>Open the sample assessment</source>
        <translation>サンプルのアセスメントを開く</translation>
    </message>
</context>
<context>
    <name>_ChangedItems</name>
    <message numerus="yes">
        <location filename="../ui/integrity.py" line="81"/>
        <source>Changed after sign-off on {date}: %n item(s)</source>
        <translation>
            <numerusform>{date} の署名後に変更されています：%n 項目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/integrity.py" line="82"/>
        <source>Changed after sign-off on {date}: %n item(s) differ from what was signed.</source>
        <translation>
            <numerusform>{date} の署名後に変更されています：%n 項目が署名時の内容と異なります。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../ui/app.py" line="56"/>
        <location filename="../ui/app.py" line="220"/>
        <location filename="../ui/i18n.py" line="142"/>
        <location filename="../ui/i18n.py" line="158"/>
        <source>VEU Readiness Assessor</source>
        <translation>VEU 準備状況評価ツール</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="80"/>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="81"/>
        <source>Something went wrong: {error}

Your work is still open. Details were written to {where}.</source>
        <translation>問題が発生しました: {error}

作業中のデータは開いたままです。詳細は {where} に記録しました。</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="226"/>
        <source>The questionnaire cannot be loaded</source>
        <translation>質問票を読み込めません</translation>
    </message>
</context>
<context>
    <name>calculators</name>
    <message>
        <location filename="../ui/calculators.py" line="55"/>
        <source>not 3A090</source>
        <translation>3A090 非該当</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="56"/>
        <source>undetermined</source>
        <translation>判定不能</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="57"/>
        <source>excluded (Note 2)</source>
        <translation>対象外（注2）</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="66"/>
        <source>not designed or marketed for data centers and TPP &lt; {a_tpp}</source>
        <translation>データセンター向けの設計・販売ではなく、TPP &lt; {a_tpp}</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="67"/>
        <source>TPP ≥ {a_tpp}</source>
        <translation>TPP ≥ {a_tpp}</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="68"/>
        <source>TPP &lt; {min}</source>
        <translation>TPP &lt; {min}</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="69"/>
        <source>performance density needed: give the die area</source>
        <translation>性能密度が必要です。ダイ面積を入力してください</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="70"/>
        <source>TPP ≥ {a_tpp_pd} and PD ≥ {a_pd}</source>
        <translation>TPP ≥ {a_tpp_pd} かつ PD ≥ {a_pd}</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="71"/>
        <source>{b_low} ≤ TPP &lt; {b_high} and {b_pd_low} ≤ PD &lt; {b_pd_high}</source>
        <translation>{b_low} ≤ TPP &lt; {b_high} かつ {b_pd_low} ≤ PD &lt; {b_pd_high}</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="72"/>
        <source>TPP ≥ {b_alt} and {b_alt_pd} ≤ PD &lt; {b_pd_high}</source>
        <translation>TPP ≥ {b_alt} かつ {b_alt_pd} ≤ PD &lt; {b_pd_high}</translation>
    </message>
    <message>
        <location filename="../ui/calculators.py" line="73"/>
        <source>below the 3A090.a and 3A090.b thresholds</source>
        <translation>3A090.a・3A090.b のしきい値未満</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../ui/dialogs.py" line="31"/>
        <source>VEU assessments (*.veua);;All files (*)</source>
        <translation>VEU 評価ファイル (*.veua);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="45"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="47"/>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>保存しないと変更内容は失われます。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="70"/>
        <source>This file is signed off</source>
        <translation>このファイルは承認（サインオフ）済みです</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="73"/>
        <source>Save a copy to keep the signed file as it is and go on in the copy.</source>
        <translation>承認済みのファイルをそのまま残すには、コピーを保存してコピーで作業を続けてください。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="74"/>
        <source>&amp;Continue editing</source>
        <translation>このまま編集する(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="75"/>
        <source>Save a cop&amp;y…</source>
        <translation>コピーを保存(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="90"/>
        <source>Recover unsaved work?</source>
        <translation>未保存の作業を復元しますか？</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="119"/>
        <source>Open assessment</source>
        <translation>評価ファイルを開く</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="124"/>
        <source>Save assessment as</source>
        <translation>評価ファイルに名前を付けて保存</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="137"/>
        <source>Attach evidence files</source>
        <translation>証跡ファイルを添付</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="137"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="46"/>
        <source>Save the changes to {name}?</source>
        <translation>{name} への変更を保存しますか？</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="71"/>
        <source>This assessment was signed off by {signers}. Any change shows the sign-off as “changed after sign-off”.</source>
        <translation>この評価は {signers} が承認（サインオフ）しています。変更すると、その承認は「署名後に変更されています」と表示されます。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.py" line="91"/>
        <source>The app did not close normally last time. Unsaved work was found:

{what}

Restore it?</source>
        <translation>前回、アプリが正常に終了しませんでした。未保存の作業が見つかりました:

{what}

復元しますか？</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message>
        <location filename="../ui/explain.py" line="63"/>
        <source>VERIFY: the wording of this requirement could not be confirmed against the primary legal text. Check it (the note says what to check) before relying on it.</source>
        <translation>VERIFY：この要件の文言は一次資料の法令本文と照合できていません。依拠する前に確認してください（確認すべき点は注記にあります）。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="71"/>
        <source>It counts in the score but is never a gate.</source>
        <translation>スコアに算入されますが、ゲートにはなりません。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="72"/>
        <source>Context only: never in the score, the progress or the gates.</source>
        <translation>参考情報のみ：スコア、進捗、ゲートのいずれにも算入されません。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="92"/>
        <source>It is listed as a gap.</source>
        <translation>ギャップとして一覧に載ります。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="93"/>
        <source>Earns {credit}.</source>
        <translation>{credit}を得ます。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="41"/>
        <source>its full weight</source>
        <translation>重みの全量</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="43"/>
        <source>nothing</source>
        <translation>0 点</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="74"/>
        <source>A rule in force. It counts in the score and, if it is a gate, can make the applicant ineligible.</source>
        <translation>施行中の規則です。スコアに算入され、ゲートであれば申請者を対象外（不適格）にすることがあります。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="80"/>
        <source>Only in the optional module, which is scored on its own: never in the VEU readiness score.</source>
        <translation>別に採点される任意モジュールにのみ含まれ、VEU 準備スコアには算入されません。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="95"/>
        <source>Earns nothing and lowers completeness; the item stays in the total.</source>
        <translation>得点はなく、回答率を下げます。項目は合計に残ります。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="100"/>
        <source>Leaves the score altogether; it needs a justification.</source>
        <translation>スコアの計算から外れます。根拠の記入が必要です。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="32"/>
        <source>GATE: a condition of eligibility. A gate in force answered {fail} makes the result Ineligible whatever the score; while a gate is {open}, the result is at best {capped}. Only a rule in force can be a gate.</source>
        <translation>ゲート：適格性の条件です。施行中のゲートが「{fail}」の場合、スコアにかかわらず結果は対象外（不適格）になります。ゲートが「{open}」の間は、結果は最高でも「{capped}」です。ゲートになるのは施行中の規則だけです。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="44"/>
        <source>{pct}% of its weight</source>
        <translation>重みの {pct}%</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="49"/>
        <source>Weight: how much this item counts in the readiness score. Readiness is the weighted credit of every applicable item: {met} earns {c_met}, {partial} {c_partial}, {not_met} and {uncertain} {c_none}; an unanswered item earns nothing but stays in the total; {na} leaves it.</source>
        <translation>重み：この項目が準備スコアにどれだけ効くかを示します。準備度は該当するすべての項目の加重得点です。「{met}」は{c_met}、「{partial}」は{c_partial}、「{not_met}」と「{uncertain}」は{c_none}を得ます。未回答の項目は得点がなく合計には残り、「{na}」は合計から外れます。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="115"/>
        <source>How scoring works</source>
        <translation>スコアの仕組み</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="116"/>
        <source>Two figures always go together. Readiness is the weighted credit over every applicable item; completeness is the share of items answered. A score alone can look surer than what is known.</source>
        <translation>2 つの数値は常に一緒に示します。準備度は該当するすべての項目の加重得点、回答率は回答済みの項目の割合です。スコアだけでは、分かっている以上に確かに見えることがあります。</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="117"/>
        <source>Answer states</source>
        <translation>回答の区分</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="118"/>
        <source>Weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="119"/>
        <source>Gates</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="124"/>
        <source>Legal status</source>
        <translation>法的な位置付け</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="125"/>
        <source>VERIFY</source>
        <translation>VERIFY（文言要確認）</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="120"/>
        <source>Levels</source>
        <translation>判定レベル</translation>
    </message>
    <message>
        <location filename="../ui/explain.py" line="121"/>
        <source>No level other than Incomplete (or Ineligible) is given until every gate is answered and at least {n}% of the items are answered.</source>
        <translation>すべてのゲートに回答し、かつ項目の {n}% 以上に回答するまでは、「未完了」（または「対象外（不適格）」）以外のレベルは示されません。</translation>
    </message>
</context>
<context>
    <name>file_errors</name>
    <message>
        <location filename="../ui/file_errors.py" line="39"/>
        <source>The file was made by a newer version of the app, or its version is unknown.</source>
        <translation>このファイルは新しいバージョンのアプリで作成されたか、バージョンが不明です。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="40"/>
        <source>Open it with the newest version of the VEU Readiness Assessor, or ask the sender to save it with the version you have.</source>
        <translation>最新版の VEU 準備状況アセスメントで開くか、送信者にお使いのバージョンで保存し直すよう依頼してください。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="43"/>
        <source>The file is damaged, incomplete or not an assessment.</source>
        <translation>ファイルが破損しているか、不完全か、アセスメントのファイルではありません。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="44"/>
        <source>If someone sent you the file, ask them for a new copy: it may have been cut off on the way.</source>
        <translation>ファイルを受け取った場合は、送信者に送り直してもらってください。転送の途中で途切れた可能性があります。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="47"/>
        <source>The file cannot be read.</source>
        <translation>ファイルを読み込めません。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="50"/>
        <source>The file cannot be opened.</source>
        <translation>ファイルを開けません。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="48"/>
        <source>Check that it is still there, that you may read it, and that its drive is connected.</source>
        <translation>ファイルがまだ存在するか、読み取り権限があるか、ドライブが接続されているかを確認してください。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="51"/>
        <source>If someone sent you the file, ask them for a new copy.</source>
        <translation>ファイルを受け取った場合は、送信者に送り直してもらってください。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="54"/>
        <source>A backup of an earlier save is kept beside it: {backup}. Open a copy of it (rename it to end in .veua) to restore your work.</source>
        <translation>以前の保存時のバックアップが同じフォルダーにあります：{backup}。そのコピーを開くと（名前の末尾を .veua に変更）作業を復元できます。</translation>
    </message>
    <message>
        <location filename="../ui/file_errors.py" line="56"/>
        <source>Details: {detail}</source>
        <translation>詳細：{detail}</translation>
    </message>
</context>
<context>
    <name>file_reveal</name>
    <message>
        <location filename="../ui/file_reveal.py" line="26"/>
        <location filename="../ui/file_reveal.py" line="54"/>
        <source>Show in folder</source>
        <translation>フォルダーを表示</translation>
    </message>
    <message>
        <location filename="../ui/file_reveal.py" line="33"/>
        <location filename="../ui/file_reveal.py" line="39"/>
        <source>Save a copy</source>
        <translation>コピーを保存</translation>
    </message>
    <message>
        <location filename="../ui/file_reveal.py" line="33"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../ui/file_reveal.py" line="54"/>
        <source>Save a copy…</source>
        <translation>コピーを保存…</translation>
    </message>
    <message>
        <location filename="../ui/file_reveal.py" line="27"/>
        <source>The folder cannot be shown here. The file is at:
{path}</source>
        <translation>ここではフォルダーを表示できません。ファイルの場所：
{path}</translation>
    </message>
    <message>
        <location filename="../ui/file_reveal.py" line="52"/>
        <source>No application is set up to open {name}. You can save a copy where your own tools can open it, or show it in its folder.</source>
        <translation>{name} を開くアプリケーションが設定されていません。お使いのツールで開ける場所にコピーを保存するか、フォルダーを表示できます。</translation>
    </message>
    <message>
        <location filename="../ui/file_reveal.py" line="39"/>
        <source>Could not write {path}:
{reason}</source>
        <translation>{path} に書き込めませんでした：
{reason}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../ui/labels.py" line="27"/>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="28"/>
        <source>Met</source>
        <translation>充足</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="29"/>
        <source>Partially met</source>
        <translation>一部充足</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="30"/>
        <source>Not met</source>
        <translation>未充足</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="31"/>
        <source>Uncertain</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="32"/>
        <source>Not applicable</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="104"/>
        <source>Critical</source>
        <translation>最重要</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="105"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="106"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="107"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
</context>
</TS>
