<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>受理前须有投诉人姓名、电话、通讯地址，被投诉人名称、地址，投诉请求和事实依据。</source>
        <translation>Before acceptance, the complainant&apos;s name, phone and mailing address, the respondent&apos;s name and address, the complaint request, and the facts and grounds are all required.</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Acceptance date</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>协议条款</source>
        <translation>Agreement terms</translation>
    </message>
    <message>
        <source>元，如 1200.00</source>
        <translation>Yuan, e.g. 1200.00</translation>
    </message>
    <message>
        <source>挽回经济损失</source>
        <translation>Economic loss recovered</translation>
    </message>
    <message>
        <source>达成协议日期</source>
        <translation>Agreement date</translation>
    </message>
    <message>
        <source>制作调解书</source>
        <translation>Issue a mediation agreement document</translation>
    </message>
    <message>
        <source>调解书</source>
        <translation>Mediation agreement document</translation>
    </message>
    <message>
        <source>第二十四条：调解协议已当即履行，或者双方同意不制作的，可以不制作调解书。</source>
        <translation>Article 24: A mediation agreement document need not be issued if the agreement has been performed on the spot or both parties agree not to have one.</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>AttachmentListModel</name>
    <message>
        <source>{name}
{size}，{who} 于 {when} 添加</source>
        <translation>{name}
{size}, added by {who} on {when}</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachments…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>可以把文件从文件管理器拖到这里添加。每个附件不超过 {limit} MB。</source>
        <translation>Drag files here from the file manager to add them. Each attachment may be up to {limit} MB.</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachments</translation>
    </message>
    <message>
        <source>图片、PDF、Word、Excel、文本和录音 ({patterns})</source>
        <translation>Images, PDF, Word, Excel, text and audio recordings ({patterns})</translation>
    </message>
    <message>
        <source>正在添加：{name}</source>
        <translation>Adding: {name}</translation>
    </message>
    <message>
        <source>正在添加附件…</source>
        <translation>Adding attachments…</translation>
    </message>
    <message>
        <source>已添加 {count} 个附件。</source>
        <translation>Added {count} attachment(s).</translation>
    </message>
    <message>
        <source>以下文件未添加：</source>
        <translation>These files were not added:</translation>
    </message>
    <message>
        <source>已停止添加；停止前已添加的附件保留在本案。</source>
        <translation>Adding stopped; the attachments added before that remain with this case.</translation>
    </message>
    <message>
        <source>本机没有能打开“{name}”的程序；可以用“另存为…”保存后再打开。</source>
        <translation>No program on this computer can open &quot;{name}&quot;; use &quot;Save as…&quot; to save it, then open the saved copy.</translation>
    </message>
    <message>
        <source>另存附件</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>已将“{name}”保存到 {path}</source>
        <translation>Saved &quot;{name}&quot; to {path}</translation>
    </message>
    <message>
        <source>已移除附件“{name}”。</source>
        <translation>Removed the attachment &quot;{name}&quot;.</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <source>期限</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>已处理同步冲突。</source>
        <translation>Sync conflicts resolved.</translation>
    </message>
    <message>
        <source>案件信息</source>
        <translation>Case information</translation>
    </message>
    <message>
        <source>调解与回访</source>
        <translation>Mediation and follow-up</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>已提交站长确认：“{step}”须经站长确认后生效，案件状态暂不改变。</source>
        <translation>Submitted for station head confirmation: &quot;{step}&quot; takes effect once the station head confirms it; the case status is unchanged for now.</translation>
    </message>
    <message>
        <source>已办理：{step}</source>
        <translation>Done: {step}</translation>
    </message>
    <message>
        <source>附件 ({count})</source>
        <translation>Attachments ({count})</translation>
    </message>
    <message>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <source>{label}（{article}）：{due} · {mark}</source>
        <translation>{label} ({article}): {due} · {mark}</translation>
    </message>
    <message>
        <source>没有进行中的期限</source>
        <translation>No running deadlines</translation>
    </message>
</context>
<context>
    <name>CaseEditDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>投诉请求</source>
        <translation>Complaint request</translation>
    </message>
    <message>
        <source>举报事项</source>
        <translation>Report details</translation>
    </message>
    <message>
        <source>咨询事项</source>
        <translation>Inquiry details</translation>
    </message>
    <message>
        <source>事实和理由</source>
        <translation>Facts and grounds</translation>
    </message>
    <message>
        <source>平台工单号</source>
        <translation>Platform ticket no.</translation>
    </message>
    <message>
        <source>元，如 1234.50</source>
        <translation>Yuan, e.g. 1234.50</translation>
    </message>
    <message>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <source>（未选择）</source>
        <translation>(not selected)</translation>
    </message>
    <message>
        <source>消费类别</source>
        <translation>Consumer category</translation>
    </message>
    <message>
        <source>具体类别</source>
        <translation>Subcategory</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>未询问</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>同意公示</source>
        <translation>Consents to publication</translation>
    </message>
    <message>
        <source>同意委托调解</source>
        <translation>Consents to entrusted mediation</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <source>只有站长可以指定或更换承办调解员</source>
        <translation>Only the station head can assign or change the mediator</translation>
    </message>
    <message>
        <source>承办调解员</source>
        <translation>Assigned mediator</translation>
    </message>
</context>
<context>
    <name>CaseEditing</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>撤销这次修改（Ctrl+Z）</source>
        <translation>Undo this change (Ctrl+Z)</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Undo edit</translation>
    </message>
    <message>
        <source>没有修改，未保存。</source>
        <translation>Nothing was changed; nothing saved.</translation>
    </message>
    <message>
        <source>已保存：{changes}</source>
        <translation>Saved: {changes}</translation>
    </message>
    <message>
        <source>不能撤销：{reason}</source>
        <translation>Cannot undo: {reason}</translation>
    </message>
    <message>
        <source>已撤销：{changes}</source>
        <translation>Undone: {changes}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{party}的{fields}</source>
        <translation>{party}&apos;s {fields}</translation>
    </message>
</context>
<context>
    <name>CaseFactsTab</name>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>修改案件信息（F2）</source>
        <translation>Edit case details (F2)</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>（收到后超过一小时登记）</source>
        <translation> (registered more than an hour after receipt)</translation>
    </message>
    <message>
        <source>投诉请求</source>
        <translation>Complaint request</translation>
    </message>
    <message>
        <source>举报事项</source>
        <translation>Report details</translation>
    </message>
    <message>
        <source>咨询事项</source>
        <translation>Inquiry details</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>平台工单号</source>
        <translation>Platform ticket no.</translation>
    </message>
    <message>
        <source>事实和理由</source>
        <translation>Facts and grounds</translation>
    </message>
    <message>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <source>消费类别</source>
        <translation>Consumer category</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>同意公示</source>
        <translation>Consents to publication</translation>
    </message>
    <message>
        <source>同意委托调解</source>
        <translation>Consents to entrusted mediation</translation>
    </message>
    <message>
        <source>承办调解员</source>
        <translation>Assigned mediator</translation>
    </message>
    <message>
        <source>群体投诉</source>
        <translation>Group complaint</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>关联案件</source>
        <translation>Linked case</translation>
    </message>
    <message>
        <source>同一次提交另登记的案件（内部号 {id}）</source>
        <translation>Registered separately from the same submission (internal no. {id})</translation>
    </message>
    <message>
        <source>不予受理决定日期</source>
        <translation>Refusal decision date</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Acceptance date</translation>
    </message>
    <message>
        <source>不予受理理由</source>
        <translation>Refusal ground</translation>
    </message>
    <message>
        <source>不予受理具体理由</source>
        <translation>Specific refusal reason</translation>
    </message>
    <message>
        <source>办理结果日期</source>
        <translation>Outcome date</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>挽回经济损失</source>
        <translation>Economic loss recovered</translation>
    </message>
    <message>
        <source>制作调解书</source>
        <translation>Mediation agreement document issued</translation>
    </message>
    <message>
        <source>终止调解理由</source>
        <translation>Termination ground</translation>
    </message>
    <message>
        <source>终止调解具体理由</source>
        <translation>Specific termination reason</translation>
    </message>
    <message>
        <source>终止调解告知日期</source>
        <translation>Termination notice date</translation>
    </message>
    <message>
        <source>核查期限</source>
        <translation>Check deadline</translation>
    </message>
    <message>
        <source>已延长</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <source>未说明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>编辑当事人</source>
        <translation>Edit party</translation>
    </message>
    <message>
        <source>编辑当事人：{name}</source>
        <translation>Edit party: {name}</translation>
    </message>
    <message>
        <source>（代表人）</source>
        <translation> (representative)</translation>
    </message>
    <message>
        <source>电话 {phone}</source>
        <translation>Phone {phone}</translation>
    </message>
    <message>
        <source>地址 {address}</source>
        <translation>Address {address}</translation>
    </message>
    <message>
        <source>统一社会信用代码 {code}</source>
        <translation>Unified social credit code {code}</translation>
    </message>
    <message>
        <source>法定代表人 {name}</source>
        <translation>Legal representative {name}</translation>
    </message>
    <message>
        <source>联系人 {contact}</source>
        <translation>Contact {contact}</translation>
    </message>
    <message>
        <source>委托事项 {matters}；权限 {powers}；期限 {start} 至 {end}</source>
        <translation>Entrusted matters: {matters}; powers: {powers}; term: {start} to {end}</translation>
    </message>
    <message>
        <source>{role}：{name}</source>
        <translation>{role}: {name}</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>编号</source>
        <translation>Case No.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>被投诉人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>同步状态：已同步、待上传、有冲突或被拒收。此列不能排序。</source>
        <translation>Sync status: synced, waiting to upload, in conflict or rejected. This column cannot be sorted.</translation>
    </message>
    <message>
        <source>按最近期限排序要逐件计算期限，只在未结案件不超过 {limit} 件时可用；更多时请先筛选。</source>
        <translation>Sorting by next deadline computes each case&apos;s deadline, so it is available only when at most {limit} open cases match; with more, filter first.</translation>
    </message>
    <message>
        <source>“同步”列不能排序。</source>
        <translation>The &quot;Sync&quot; column cannot be sorted.</translation>
    </message>
    <message>
        <source>不能按最近期限排序：筛选出的未结案件有 {found} 件，超过 {limit} 件。请先缩小筛选范围。</source>
        <translation>Cannot sort by next deadline: {found} open cases match, more than {limit}. Narrow the filter first.</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已中止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>待上传</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>有冲突</source>
        <translation>In conflict</translation>
    </message>
    <message>
        <source>被拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>已登记</source>
        <comment>state</comment>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已受理</source>
        <comment>state</comment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <comment>state</comment>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>调解中</source>
        <comment>state</comment>
        <translation>In mediation</translation>
    </message>
    <message>
        <source>调解成功</source>
        <comment>state</comment>
        <translation>Mediation successful</translation>
    </message>
    <message>
        <source>终止调解</source>
        <comment>state</comment>
        <translation>Mediation terminated</translation>
    </message>
    <message>
        <source>已撤回</source>
        <comment>state</comment>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>已回访</source>
        <comment>state</comment>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>核查中</source>
        <comment>state</comment>
        <translation>Being checked</translation>
    </message>
    <message>
        <source>已立案</source>
        <comment>state</comment>
        <translation>Case filed</translation>
    </message>
    <message>
        <source>不予立案</source>
        <comment>state</comment>
        <translation>Not filed</translation>
    </message>
    <message>
        <source>已答复</source>
        <comment>state</comment>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已办结</source>
        <comment>state</comment>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已作废</source>
        <comment>state</comment>
        <translation>Voided</translation>
    </message>
    <message>
        <source>登记</source>
        <comment>action</comment>
        <translation>Register</translation>
    </message>
    <message>
        <source>受理</source>
        <comment>action</comment>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理</source>
        <comment>action</comment>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>安排调解</source>
        <comment>action</comment>
        <translation>Schedule mediation</translation>
    </message>
    <message>
        <source>记录调解</source>
        <comment>action</comment>
        <translation>Record mediation</translation>
    </message>
    <message>
        <source>中止计时（鉴定检测/回避）</source>
        <comment>action</comment>
        <translation>Pause clock (testing/appraisal, recusal)</translation>
    </message>
    <message>
        <source>恢复计时</source>
        <comment>action</comment>
        <translation>Resume clock</translation>
    </message>
    <message>
        <source>调解成功</source>
        <comment>action</comment>
        <translation>Record agreement</translation>
    </message>
    <message>
        <source>终止调解</source>
        <comment>action</comment>
        <translation>Terminate mediation</translation>
    </message>
    <message>
        <source>告知终止调解</source>
        <comment>action</comment>
        <translation>Notify termination</translation>
    </message>
    <message>
        <source>撤回投诉</source>
        <comment>action</comment>
        <translation>Withdraw complaint</translation>
    </message>
    <message>
        <source>回访</source>
        <comment>action</comment>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>开始核查</source>
        <comment>action</comment>
        <translation>Start check</translation>
    </message>
    <message>
        <source>延长核查期限</source>
        <comment>action</comment>
        <translation>Extend check deadline</translation>
    </message>
    <message>
        <source>立案决定</source>
        <comment>action</comment>
        <translation>Filing decision</translation>
    </message>
    <message>
        <source>答复咨询</source>
        <comment>action</comment>
        <translation>Answer inquiry</translation>
    </message>
    <message>
        <source>办结</source>
        <comment>action</comment>
        <translation>Close</translation>
    </message>
    <message>
        <source>修改</source>
        <comment>action</comment>
        <translation>Edit</translation>
    </message>
    <message>
        <source>作废</source>
        <comment>action</comment>
        <translation>Void</translation>
    </message>
    <message>
        <source>修改当事人信息</source>
        <comment>action</comment>
        <translation>Edit party details</translation>
    </message>
    <message>
        <source>提议不予受理（待站长确认）</source>
        <comment>action</comment>
        <translation>Propose refusal (awaiting station head confirmation)</translation>
    </message>
    <message>
        <source>提议终止调解（待站长确认）</source>
        <comment>action</comment>
        <translation>Propose terminating mediation (awaiting station head confirmation)</translation>
    </message>
    <message>
        <source>站长驳回不予受理提议</source>
        <comment>action</comment>
        <translation>Station head rejected the refusal proposal</translation>
    </message>
    <message>
        <source>站长驳回终止调解提议</source>
        <comment>action</comment>
        <translation>Station head rejected the termination proposal</translation>
    </message>
    <message>
        <source>处理同步冲突</source>
        <comment>action</comment>
        <translation>Resolve sync conflicts</translation>
    </message>
    <message>
        <source>编号</source>
        <comment>field</comment>
        <translation>Case No.</translation>
    </message>
    <message>
        <source>类别</source>
        <comment>field</comment>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <comment>field</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>平台工单号</source>
        <comment>field</comment>
        <translation>Platform ticket no.</translation>
    </message>
    <message>
        <source>承办调解员</source>
        <comment>field</comment>
        <translation>Assigned mediator</translation>
    </message>
    <message>
        <source>请求事项</source>
        <comment>field</comment>
        <translation>Request</translation>
    </message>
    <message>
        <source>事实和理由</source>
        <comment>field</comment>
        <translation>Facts and grounds</translation>
    </message>
    <message>
        <source>涉及金额</source>
        <comment>field</comment>
        <translation>Amount involved</translation>
    </message>
    <message>
        <source>消费类别</source>
        <comment>field</comment>
        <translation>Consumer category</translation>
    </message>
    <message>
        <source>问题类别</source>
        <comment>field</comment>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>同意公示</source>
        <comment>field</comment>
        <translation>Consents to publication</translation>
    </message>
    <message>
        <source>同意委托调解</source>
        <comment>field</comment>
        <translation>Consents to entrusted mediation</translation>
    </message>
    <message>
        <source>决定日期</source>
        <comment>field</comment>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>不予受理理由</source>
        <comment>field</comment>
        <translation>Refusal ground</translation>
    </message>
    <message>
        <source>不予受理具体理由</source>
        <comment>field</comment>
        <translation>Specific refusal reason</translation>
    </message>
    <message>
        <source>开始调解日期</source>
        <comment>field</comment>
        <translation>Mediation start date</translation>
    </message>
    <message>
        <source>办理结果日期</source>
        <comment>field</comment>
        <translation>Outcome date</translation>
    </message>
    <message>
        <source>调解协议</source>
        <comment>field</comment>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>制作调解书</source>
        <comment>field</comment>
        <translation>Mediation agreement document issued</translation>
    </message>
    <message>
        <source>挽回经济损失</source>
        <comment>field</comment>
        <translation>Economic loss recovered</translation>
    </message>
    <message>
        <source>终止调解理由</source>
        <comment>field</comment>
        <translation>Termination ground</translation>
    </message>
    <message>
        <source>终止调解具体理由</source>
        <comment>field</comment>
        <translation>Specific termination reason</translation>
    </message>
    <message>
        <source>终止调解告知日期</source>
        <comment>field</comment>
        <translation>Termination notice date</translation>
    </message>
    <message>
        <source>撤回说明</source>
        <comment>field</comment>
        <translation>Withdrawal note</translation>
    </message>
    <message>
        <source>核查期限已延长</source>
        <comment>field</comment>
        <translation>Check deadline extended</translation>
    </message>
    <message>
        <source>立案决定理由</source>
        <comment>field</comment>
        <translation>Filing decision reason</translation>
    </message>
    <message>
        <source>答复内容</source>
        <comment>field</comment>
        <translation>Answer</translation>
    </message>
    <message>
        <source>办结日期</source>
        <comment>field</comment>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>作废原因</source>
        <comment>field</comment>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>理由</source>
        <comment>field</comment>
        <translation>Reason</translation>
    </message>
    <message>
        <source>意见</source>
        <comment>field</comment>
        <translation>Comments</translation>
    </message>
    <message>
        <source>理由项</source>
        <comment>field</comment>
        <translation>Ground</translation>
    </message>
    <message>
        <source>调解场次</source>
        <comment>field</comment>
        <translation>Mediation session</translation>
    </message>
    <message>
        <source>调解时间</source>
        <comment>field</comment>
        <translation>Mediation time</translation>
    </message>
    <message>
        <source>调解地点</source>
        <comment>field</comment>
        <translation>Mediation venue</translation>
    </message>
    <message>
        <source>调解方式</source>
        <comment>field</comment>
        <translation>Mediation mode</translation>
    </message>
    <message>
        <source>调解人员</source>
        <comment>field</comment>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>参加人员</source>
        <comment>field</comment>
        <translation>Participants</translation>
    </message>
    <message>
        <source>调解记录</source>
        <comment>field</comment>
        <translation>Mediation record</translation>
    </message>
    <message>
        <source>中止计时</source>
        <comment>field</comment>
        <translation>Clock pause</translation>
    </message>
    <message>
        <source>开始日期</source>
        <comment>field</comment>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <comment>field</comment>
        <translation>End date</translation>
    </message>
    <message>
        <source>说明</source>
        <comment>field</comment>
        <translation>Details</translation>
    </message>
    <message>
        <source>结果</source>
        <comment>field</comment>
        <translation>Result</translation>
    </message>
    <message>
        <source>回访</source>
        <comment>field</comment>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>回访日期</source>
        <comment>field</comment>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>回访方式</source>
        <comment>field</comment>
        <translation>Follow-up method</translation>
    </message>
    <message>
        <source>联系上当事人</source>
        <comment>field</comment>
        <translation>Party reached</translation>
    </message>
    <message>
        <source>满意度</source>
        <comment>field</comment>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>备注</source>
        <comment>field</comment>
        <translation>Notes</translation>
    </message>
    <message>
        <source>提议</source>
        <comment>field</comment>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>当事人</source>
        <comment>field</comment>
        <translation>Party</translation>
    </message>
    <message>
        <source>姓名或名称</source>
        <comment>field</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <comment>field</comment>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <comment>field</comment>
        <translation>Address</translation>
    </message>
    <message>
        <source>证件类型</source>
        <comment>field</comment>
        <translation>ID type</translation>
    </message>
    <message>
        <source>证件号码</source>
        <comment>field</comment>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <comment>field</comment>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <comment>field</comment>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系人</source>
        <comment>field</comment>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>委托事项</source>
        <comment>field</comment>
        <translation>Entrusted matters</translation>
    </message>
    <message>
        <source>委托权限</source>
        <comment>field</comment>
        <translation>Authorized powers</translation>
    </message>
    <message>
        <source>委托期限起</source>
        <comment>field</comment>
        <translation>Authorization valid from</translation>
    </message>
    <message>
        <source>委托期限止</source>
        <comment>field</comment>
        <translation>Authorization valid to</translation>
    </message>
    <message>
        <source>投诉</source>
        <comment>kind</comment>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>举报</source>
        <comment>kind</comment>
        <translation>Report</translation>
    </message>
    <message>
        <source>咨询</source>
        <comment>kind</comment>
        <translation>Inquiry</translation>
    </message>
    <message>
        <source>来人来访</source>
        <comment>channel</comment>
        <translation>Walk-in visit</translation>
    </message>
    <message>
        <source>电话</source>
        <comment>channel</comment>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>信函</source>
        <comment>channel</comment>
        <translation>Letter</translation>
    </message>
    <message>
        <source>12315平台</source>
        <comment>channel</comment>
        <translation>12315 platform</translation>
    </message>
    <message>
        <source>12345热线</source>
        <comment>channel</comment>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <source>投诉人</source>
        <comment>party</comment>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>被投诉人</source>
        <comment>party</comment>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>举报人</source>
        <comment>party</comment>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>咨询人</source>
        <comment>party</comment>
        <translation>Inquirer</translation>
    </message>
    <message>
        <source>委托代理人</source>
        <comment>party</comment>
        <translation>Authorized agent</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <comment>ID type</comment>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>护照</source>
        <comment>ID type</comment>
        <translation>Passport</translation>
    </message>
    <message>
        <source>港澳居民来往内地通行证</source>
        <comment>ID type</comment>
        <translation>Mainland Travel Permit for Hong Kong and Macao Residents</translation>
    </message>
    <message>
        <source>台湾居民来往大陆通行证</source>
        <comment>ID type</comment>
        <translation>Mainland Travel Permit for Taiwan Residents</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <comment>ID type</comment>
        <translation>Foreign Permanent Resident ID Card</translation>
    </message>
    <message>
        <source>其他证件</source>
        <comment>ID type</comment>
        <translation>Other ID</translation>
    </message>
    <message>
        <source>现场</source>
        <comment>mode</comment>
        <translation>In person</translation>
    </message>
    <message>
        <source>网络</source>
        <comment>mode</comment>
        <translation>Online</translation>
    </message>
    <message>
        <source>电话</source>
        <comment>mode</comment>
        <translation>By phone</translation>
    </message>
    <message>
        <source>音频</source>
        <comment>mode</comment>
        <translation>Audio</translation>
    </message>
    <message>
        <source>视频</source>
        <comment>mode</comment>
        <translation>Video</translation>
    </message>
    <message>
        <source>鉴定检测</source>
        <comment>pause</comment>
        <translation>Testing/appraisal</translation>
    </message>
    <message>
        <source>回避申请</source>
        <comment>pause</comment>
        <translation>Recusal request</translation>
    </message>
    <message>
        <source>非常满意</source>
        <comment>satisfaction</comment>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>满意</source>
        <comment>satisfaction</comment>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <comment>satisfaction</comment>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <comment>satisfaction</comment>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>受理决定期限</source>
        <comment>deadline</comment>
        <translation>Acceptance decision deadline</translation>
    </message>
    <message>
        <source>调解期限</source>
        <comment>deadline</comment>
        <translation>Mediation deadline</translation>
    </message>
    <message>
        <source>终止调解告知期限</source>
        <comment>deadline</comment>
        <translation>Termination notice deadline</translation>
    </message>
    <message>
        <source>举报核查期限</source>
        <comment>deadline</comment>
        <translation>Report check deadline</translation>
    </message>
    <message>
        <source>未到期</source>
        <comment>deadline state</comment>
        <translation>On time</translation>
    </message>
    <message>
        <source>即将到期</source>
        <comment>deadline state</comment>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>已超期</source>
        <comment>deadline state</comment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已中止</source>
        <comment>deadline state</comment>
        <translation>Suspended</translation>
    </message>
</context>
<context>
    <name>CaseWorkTab</name>
    <message>
        <source>调解场次</source>
        <translation>Mediation sessions</translation>
    </message>
    <message>
        <source>中止计时</source>
        <translation>Clock pauses</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>{when} · {mode} · {place} · 调解人员 {mediators} · {held}</source>
        <translation>{when} · {mode} · {place} · Mediators: {mediators} · {held}</translation>
    </message>
    <message>
        <source>已记录</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>待举行</source>
        <translation>Not yet held</translation>
    </message>
    <message>
        <source>参加人员：{who}</source>
        <translation>Participants: {who}</translation>
    </message>
    <message>
        <source>{kind} · {start} 至 {end} · {detail}</source>
        <translation>{kind} · {start} to {end} · {detail}</translation>
    </message>
    <message>
        <source>（未结束）</source>
        <translation>(ongoing)</translation>
    </message>
    <message>
        <source>结果：{outcome}</source>
        <translation>Result: {outcome}</translation>
    </message>
    <message>
        <source>已联系上</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>未联系上</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>暂无</source>
        <translation>None yet</translation>
    </message>
</context>
<context>
    <name>ClauseList</name>
    <message>
        <source>条款内容</source>
        <translation>Clause text</translation>
    </message>
    <message>
        <source>协议条款</source>
        <translation>Agreement terms</translation>
    </message>
    <message>
        <source>添加条款</source>
        <translation>Add clause</translation>
    </message>
    <message>
        <source>删除条款</source>
        <translation>Remove clause</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>办结后，本案不能再办理其他步骤。办结日期为今天。</source>
        <translation>Once closed, no further steps can be taken on this case. The closing date is today.</translation>
    </message>
</context>
<context>
    <name>ConfirmationBox</name>
    <message>
        <source>此操作将记录在案，不能撤销；如有错误须另行办理更正。确定？</source>
        <translation>This action will be recorded and cannot be undone; any mistake must be corrected in a separate step. Proceed?</translation>
    </message>
    <message>
        <source>确定办理</source>
        <translation>Proceed</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>渠道</source>
        <comment>field</comment>
        <translation>Channel</translation>
    </message>
    <message>
        <source>收到时间</source>
        <comment>field</comment>
        <translation>Received at</translation>
    </message>
    <message>
        <source>录入时间</source>
        <comment>field</comment>
        <translation>Entered at</translation>
    </message>
    <message>
        <source>适用规章</source>
        <comment>field</comment>
        <translation>Applicable rule</translation>
    </message>
    <message>
        <source>当事人身份</source>
        <comment>field</comment>
        <translation>Party role</translation>
    </message>
    <message>
        <source>文件名</source>
        <comment>field</comment>
        <translation>File name</translation>
    </message>
    <message>
        <source>附件</source>
        <comment>part</comment>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>文书</source>
        <comment>part</comment>
        <translation>Document</translation>
    </message>
    <message>
        <source>当事人（本站没有）</source>
        <translation>Party (not held at this station)</translation>
    </message>
    <message>
        <source>{part} · {field}</source>
        <translation>{part} · {field}</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <source>处理同步冲突 {number}</source>
        <translation>Resolve sync conflicts {number}</translation>
    </message>
    <message>
        <source>本站与市局中心对下列字段记录了不同的值。请逐项选择：保留本站的值，或采用中心的值。所选的值与本站现值不同时，作为一条新的办理记录保存，下次同步时上传。</source>
        <translation>This station and the bureau hub hold different values for the fields below. For each field, choose whether to keep the station value or use the hub value. Where the chosen value differs from the station&apos;s current one, it is saved as a new entry in the case history and uploaded at the next sync.</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本站的值</source>
        <translation>Station value</translation>
    </message>
    <message>
        <source>中心的值</source>
        <translation>Hub value</translation>
    </message>
    <message>
        <source>保留本站</source>
        <translation>Keep station value</translation>
    </message>
    <message>
        <source>采用中心</source>
        <translation>Use hub value</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>全部保留本站</source>
        <translation>Keep all station values</translation>
    </message>
    <message>
        <source>全部采用中心</source>
        <translation>Use all hub values</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{field}：保留本站</source>
        <translation>{field}: keep station value</translation>
    </message>
    <message>
        <source>{field}：采用中心</source>
        <translation>{field}: use hub value</translation>
    </message>
    <message>
        <source>中心的这个值本站不能采用（本站没有这一部分或所指的人员）；请保留本站的值，或请市局核对。</source>
        <translation>This station cannot use the hub value here (the station does not hold that part, or the person it refers to); keep the station value, or ask the city bureau to check it.</translation>
    </message>
    <message>
        <source>请为每个字段选择“保留本站”或“采用中心”。</source>
        <translation>Choose &quot;Keep station value&quot; or &quot;Use hub value&quot; for every field.</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>ConflictNotice</name>
    <message>
        <source>处理冲突…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message numerus="yes">
        <source>⚠ 此案有同步冲突：%n 个字段本站与市局中心的记录不同，须选择保留哪一方。</source>
        <translation>
            <numerusform>⚠ This case has a sync conflict: %n field differs between this station and the bureau hub; choose which value to keep.</numerusform>
            <numerusform>⚠ This case has sync conflicts: %n fields differ between this station and the bureau hub; choose which values to keep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>建立站点</source>
        <translation>Create the station</translation>
    </message>
    <message>
        <source>将建立加密的站点数据库，其密钥保存在本机的系统密钥环中。建立后将显示一次恢复密钥。</source>
        <translation>An encrypted station database will be created; its key is kept in this computer&apos;s system keyring. The recovery key is shown once afterwards.</translation>
    </message>
    <message>
        <source>站点名称：{name}</source>
        <translation>Station name: {name}</translation>
    </message>
    <message>
        <source>站点类型：{kind}</source>
        <translation>Station type: {kind}</translation>
    </message>
    <message>
        <source>发文机关：{office}</source>
        <translation>Issuing office: {office}</translation>
    </message>
    <message>
        <source>文号前缀：{prefix}</source>
        <translation>Document number prefix: {prefix}</translation>
    </message>
    <message>
        <source>站长：{name}（用户名 {username}）</source>
        <translation>Station head: {name} (username {username})</translation>
    </message>
    <message>
        <source>数据文件夹：{folder}</source>
        <translation>Data folder: {folder}</translation>
    </message>
    <message>
        <source>{field}：{reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>备份已取消。</source>
        <translation>Backup cancelled.</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <source>已备份到：{path}</source>
        <translation>Backed up to: {path}</translation>
    </message>
    <message>
        <source>备份文件夹 {folder} 无法使用：{problem}。这次备份已改存到数据目录。</source>
        <translation>The backup folder {folder} cannot be used: {problem}. This backup was saved in the data folder instead.</translation>
    </message>
    <message>
        <source>⚠ 备份文件夹 {folder} 无法使用：{problem}。备份改存到 {fallback}。</source>
        <translation>⚠ The backup folder {folder} cannot be used: {problem}. Backups are saved to {fallback} instead.</translation>
    </message>
    <message>
        <source>选择要恢复的备份文件</source>
        <translation>Choose the backup file to restore</translation>
    </message>
    <message>
        <source>调解台备份 (*.db)</source>
        <translation>Mediation Desk backups (*.db)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用备份 {name} 替换本站现在的全部数据？</source>
        <translation>Replace all of this station&apos;s current data with the backup {name}?</translation>
    </message>
    <message>
        <source>现在的数据不会丢失：恢复前先另存到 {folder}（文件名以 replaced- 开头），需要时可再从它恢复。恢复时调解台会关闭所有窗口，恢复后请重新登录。</source>
        <translation>The current data will not be lost: before restoring, it is saved to {folder} (file name starting with replaced-), and you can restore from that copy if needed. The desk closes all its windows while restoring; sign in again afterwards.</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DecideFilingDialog</name>
    <message>
        <source>立案</source>
        <translation>Open a case (file)</translation>
    </message>
    <message>
        <source>不予立案</source>
        <translation>Do not file</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>决定理由</source>
        <translation>Reason for decision</translation>
    </message>
    <message>
        <source>请选择立案或不予立案</source>
        <translation>Choose whether to open a case</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>正在进行每日完整性检查和备份…</source>
        <translation>Running the daily integrity check and backup…</translation>
    </message>
    <message>
        <source>正在进行每日完整性检查和备份…
第 1 步（共 2 步）：检查数据库完整性</source>
        <translation>Running the daily integrity check and backup…
Step 1 of 2: checking the database</translation>
    </message>
    <message>
        <source>正在进行每日完整性检查和备份…
第 2 步（共 2 步）：备份数据库</source>
        <translation>Running the daily integrity check and backup…
Step 2 of 2: backing up the database</translation>
    </message>
    <message>
        <source>今天的备份没有做成</source>
        <translation>Today&apos;s backup was not made</translation>
    </message>
    <message>
        <source>数据库完整性检查已通过，可以照常登录。请检查磁盘空间和备份文件夹（站长可在站点设置中更改），再用“数据 › 立即备份…”补做一次备份。</source>
        <translation>The database integrity check passed, and you can sign in as usual. Check the disk space and the backup folder (the station head can change it in the station settings), then make up the backup with &quot;Data › Back up now…&quot;.</translation>
    </message>
    <message>
        <source>正在从备份恢复…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <source>已从备份恢复</source>
        <translation>Restored from backup</translation>
    </message>
    <message>
        <source>已从备份 {name} 恢复。请重新登录。</source>
        <translation>Restored from the backup {name}. Please sign in again.</translation>
    </message>
    <message>
        <source>原来的数据已另存为 {kept}。</source>
        <translation>The previous data was kept as {kept}.</translation>
    </message>
</context>
<context>
    <name>DocumentIssuer</name>
    <message>
        <source>无法打开文书</source>
        <translation>Could not open the document</translation>
    </message>
    <message>
        <source>{title}已于 {when} 出具（{number}）。</source>
        <translation>{title} was issued on {when} ({number}).</translation>
    </message>
    <message>
        <source>无文号</source>
        <translation>no document number</translation>
    </message>
    <message>
        <source>重新打印的是存档的原件。内容有误时才出具更正文书，它另编文号。</source>
        <translation>A reprint is the archived original. Issue a correction only if the content is wrong; a correction gets a new document number.</translation>
    </message>
    <message>
        <source>重新打印已出具的文书</source>
        <translation>Reprint the issued document</translation>
    </message>
    <message>
        <source>出具更正文书</source>
        <translation>Issue a correction</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>将出具一份新的{title}，另编文号，更正 {number}；原文书仍存档。</source>
        <translation>A new {title} will be issued under a new document number, correcting {number}; the original document stays on file.</translation>
    </message>
    <message>
        <source>无法生成{title}</source>
        <translation>Could not generate {title}</translation>
    </message>
    <message>
        <source>正在生成{title}样稿…</source>
        <translation>Generating a draft of {title}…</translation>
    </message>
    <message>
        <source>{title}（样稿）</source>
        <translation>{title} (draft)</translation>
    </message>
    <message>
        <source>未能出具{title}</source>
        <translation>Could not issue {title}</translation>
    </message>
    <message>
        <source>正在出具{title}…</source>
        <translation>Issuing {title}…</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>样稿，尚未出具</source>
        <translation>Draft, not issued yet</translation>
    </message>
    <message>
        <source>出具</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>出具即存档，不能再修改；内容有误时另行出具更正文书</source>
        <translation>Once issued, the document is archived and cannot be changed; if its content is wrong, issue a correction</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>Page </translation>
    </message>
    <message>
        <source>页码</source>
        <translation>Page number</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source> / {pages} 页</source>
        <translation> of {pages}</translation>
    </message>
    <message>
        <source>{action}（{keys}）</source>
        <translation>{action} ({keys})</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>出具时间</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <source>出具人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>本案尚未出具文书。</source>
        <translation>No documents have been issued for this case.</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>出具文书…</source>
        <translation>Issue document…</translation>
    </message>
    <message>
        <source>出具并打印…</source>
        <translation>Issue and print…</translation>
    </message>
    <message>
        <source>暂不出具</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>（无文号）</source>
        <translation>(no document number)</translation>
    </message>
    <message>
        <source>更正了 {number}</source>
        <translation>Corrects {number}</translation>
    </message>
    <message>
        <source>已被更正（见 {number}）</source>
        <translation>Corrected (see {number})</translation>
    </message>
    <message>
        <source>{title}（已出具 {number}）</source>
        <translation>{title} (issued: {number})</translation>
    </message>
    <message>
        <source>可出具：{title}</source>
        <translation>Ready to issue: {title}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>发生意外错误，已记入日志。</source>
        <translation>An unexpected error occurred and has been logged.</translation>
    </message>
    <message>
        <source>详细信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ExtendCheckDialog</name>
    <message>
        <source>核查期限只能延长一次，延长十五个工作日。</source>
        <translation>The check deadline can be extended only once, by 15 working days.</translation>
    </message>
    <message>
        <source>延长理由</source>
        <translation>Reason for extension</translation>
    </message>
</context>
<context>
    <name>ExtraInputDialog</name>
    <message>
        <source>{title}：补充内容</source>
        <translation>{title}: additional details</translation>
    </message>
    <message>
        <source>生成样稿</source>
        <translation>Generate draft</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（按式样）</source>
        <translation>(as on the form)</translation>
    </message>
    <message>
        <source>{field}：{reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>按状态筛选，可多选</source>
        <translation>Filter by status; several can be chosen</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>全部承办人</source>
        <translation>All mediators</translation>
    </message>
    <message>
        <source>只看超期/即将到期</source>
        <translation>Only overdue / due soon</translation>
    </message>
    <message>
        <source>最近期限已超期，或今天、下一个工作日到期</source>
        <translation>The next deadline has passed, or ends today or on the next working day</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>收到日期起</source>
        <translation>Received from</translation>
    </message>
    <message>
        <source>收到日期止</source>
        <translation>Received until</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>all</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n 项</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>状态：{states}</source>
        <translation>Status: {states}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>首次使用：建立本站</source>
        <translation>First use: set up this station</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>上门</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>信函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>回访方式</source>
        <translation>Follow-up method</translation>
    </message>
    <message>
        <source>已联系上当事人</source>
        <translation>Party reached</translation>
    </message>
    <message>
        <source>联系情况</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please select</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>GroundDialog</name>
    <message>
        <source>依据{rule}{article}，选择一项：</source>
        <translation>Under {rule} {article}, choose one:</translation>
    </message>
    <message>
        <source>具体理由</source>
        <translation>Specific reason</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>此项须由站长决定：提交后等待站长确认，确认前案件状态不变。</source>
        <translation>This decision rests with the station head: once submitted, it awaits the station head&apos;s confirmation, and the case status does not change until then.</translation>
    </message>
    <message>
        <source>提交站长确认</source>
        <translation>Submit for station head confirmation</translation>
    </message>
    <message>
        <source>请选择一项</source>
        <translation>Choose one</translation>
    </message>
    <message>
        <source>案件 {number}：{step}，理由为{article}{item}{text}</source>
        <translation>Case {number}: {step}, on the ground of {article}{item} {text}</translation>
    </message>
</context>
<context>
    <name>HeadPage</name>
    <message>
        <source>站长账户</source>
        <translation>Station head account</translation>
    </message>
    <message>
        <source>站长可以确认不予受理、终止调解等需要站长决定的事项，并管理本站设置。</source>
        <translation>The station head confirms decisions that need the head, such as refusals and terminations of mediation, and manages the station&apos;s settings.</translation>
    </message>
    <message>
        <source>至少 8 个字符，不能只用数字或只用字母</source>
        <translation>At least 8 characters, not only digits or only letters</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>HistoryTimeline</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>当事人·{field}</source>
        <translation>Party · {field}</translation>
    </message>
    <message>
        <source>{field}：{value}</source>
        <translation>{field}: {value}</translation>
    </message>
    <message>
        <source>{field}：{old} → {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
    <message>
        <source>{field} {value}</source>
        <translation>{field} {value}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>（已记录）</source>
        <translation>(recorded)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>第 {number} 项</source>
        <translation>Item {number}</translation>
    </message>
</context>
<context>
    <name>HubEnrolmentBox</name>
    <message>
        <source>市局中心</source>
        <translation>Bureau hub</translation>
    </message>
    <message>
        <source>如 https://hub.example.gov.cn</source>
        <translation>e.g. https://hub.example.gov.cn</translation>
    </message>
    <message>
        <source>登记…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <source>用市局给的一次性登记码把本站登记到市局中心；登记立即生效，不需要再点“保存”。</source>
        <translation>Register this station with the bureau hub using the one-time registration code from the city bureau. Registration takes effect at once; there is no need to click &quot;Save&quot;.</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已登记，可以同步。</source>
        <translation>Registered; ready to sync.</translation>
    </message>
    <message>
        <source>⚠ 本机的系统密钥环中没有本站的站点密钥：请用新的登记码重新登记。</source>
        <translation>⚠ This computer&apos;s system keyring does not hold this station&apos;s key: register again with a new registration code.</translation>
    </message>
    <message>
        <source>尚未登记。</source>
        <translation>Not registered yet.</translation>
    </message>
    <message>
        <source>登记到市局中心</source>
        <translation>Register with the bureau hub</translation>
    </message>
    <message>
        <source>请输入市局给本站的一次性登记码（如 ABCD-EFGH-JKLM-NPQR）：</source>
        <translation>Enter the one-time registration code the city bureau gave this station (e.g. ABCD-EFGH-JKLM-NPQR):</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在登记…</source>
        <translation>Registering…</translation>
    </message>
    <message>
        <source>已登记到 {url}（中心所记的站点名称：{name}）。站点密钥已存入系统密钥环。</source>
        <translation>Registered with {url} (station name on record at the hub: {name}). The station key is stored in the system keyring.</translation>
    </message>
    <message>
        <source>⚠ 登记没有成功：{message}</source>
        <translation>⚠ Registration failed: {message}</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>标 * 的项目是受理投诉时必须齐全的信息；登记时可以暂缺，但须填写投诉请求，投诉还须填写投诉人姓名。</source>
        <translation>Items marked * must all be present before a complaint can be accepted. They may be left blank at registration, but the request must be filled in, and for a complaint also the complainant&apos;s name.</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>登记（Ctrl+S）</source>
        <translation>Register (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ℹ 已恢复未保存的草稿</source>
        <translation>ℹ Unsaved draft restored</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>举报</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <source>投诉并举报</source>
        <translation>Complaint and report</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>来人来访</source>
        <translation>Walk-in visit</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>信函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>12315平台</source>
        <translation>12315 platform</translation>
    </message>
    <message>
        <source>12345热线</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>收到时间（北京时间）</source>
        <translation>Received at (Beijing time)</translation>
    </message>
    <message>
        <source>平台工单号</source>
        <translation>Platform ticket no.</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>群体投诉（可登记第二名代表人）</source>
        <translation>Group complaint (a second representative may be registered)</translation>
    </message>
    <message>
        <source>第二代表人</source>
        <translation>Second representative</translation>
    </message>
    <message>
        <source>有委托代理人</source>
        <translation>Has an authorized agent</translation>
    </message>
    <message>
        <source>委托代理人</source>
        <translation>Authorized agent</translation>
    </message>
    <message>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>被投诉人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>投诉内容</source>
        <translation>Complaint details</translation>
    </message>
    <message>
        <source>投诉请求</source>
        <translation>Complaint request</translation>
    </message>
    <message>
        <source>事实和理由</source>
        <translation>Facts and grounds</translation>
    </message>
    <message>
        <source>元，如 1234.50</source>
        <translation>Yuan, e.g. 1234.50</translation>
    </message>
    <message>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <source>（未选择）</source>
        <translation>(not selected)</translation>
    </message>
    <message>
        <source>消费类别</source>
        <translation>Consumer category</translation>
    </message>
    <message>
        <source>具体类别</source>
        <translation>Subcategory</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>未询问</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>同意公示</source>
        <translation>Consents to publication</translation>
    </message>
    <message>
        <source>同意委托调解</source>
        <translation>Consents to entrusted mediation</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <source>承办调解员</source>
        <translation>Assigned mediator</translation>
    </message>
    <message>
        <source>举报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>咨询人</source>
        <translation>Inquirer</translation>
    </message>
    <message>
        <source>被举报人</source>
        <translation>Reported party</translation>
    </message>
    <message>
        <source>⚠ 草稿未能自动保存，请尽快登记</source>
        <translation>⚠ The draft could not be saved automatically; please register soon</translation>
    </message>
    <message>
        <source>ℹ 已登记：{numbers}</source>
        <translation>ℹ Registered: {numbers}</translation>
    </message>
    <message>
        <source>取消登记</source>
        <translation>Cancel registration</translation>
    </message>
    <message>
        <source>放弃未保存的内容？</source>
        <translation>Discard unsaved changes?</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>调解台已由 {name} 锁定。输入密码解锁后，回到锁定前的位置，已填写的内容都在。</source>
        <translation>The desk was locked by {name}. Enter the password to unlock; you return to where you were, with everything you had typed.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>密码不正确，请 {seconds} 秒后再试。</source>
        <translation>Incorrect password; try again in {seconds} seconds.</translation>
    </message>
    <message>
        <source>密码不正确</source>
        <translation>Incorrect password</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>消费维权调解台 — {station}</source>
        <translation>Mediation Desk — {station}</translation>
    </message>
    <message>
        <source>搜索编号、当事人、商家、内容…</source>
        <translation>Search case numbers, parties, businesses, details…</translation>
    </message>
    <message>
        <source>统计总数</source>
        <translation>Count all</translation>
    </message>
    <message>
        <source>逐件统计符合条件的全部案件；案件很多时需要几秒钟。</source>
        <translation>Counts every matching case; with many cases this takes a few seconds.</translation>
    </message>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>新登记</source>
        <translation>New registration</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>锁定调解台（Ctrl+L），离开座位时用；输入的内容保留</source>
        <translation>Lock the desk (Ctrl+L) when you leave your seat; what you typed is kept</translation>
    </message>
    <message>
        <source>今日待办</source>
        <translation>My work today</translation>
    </message>
    <message>
        <source>案件 {number}</source>
        <translation>Case {number}</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>超过 %n 件，正在统计…</source>
        <translation>
            <numerusform>More than %n case, counting…</numerusform>
            <numerusform>More than %n cases, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>超过 %n 件</source>
        <translation>
            <numerusform>More than %n case</numerusform>
            <numerusform>More than %n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>上次备份：无</source>
        <translation>Last backup: none</translation>
    </message>
    <message>
        <source>上次备份：{time}</source>
        <translation>Last backup: {time}</translation>
    </message>
</context>
<context>
    <name>NotifyTerminationDialog</name>
    <message>
        <source>终止调解决定日期：{day}。应自决定之日起七个工作日内告知双方当事人。</source>
        <translation>Termination decided on {day}. Both parties must be notified within seven working days of the decision.</translation>
    </message>
    <message>
        <source>告知日期</source>
        <translation>Notice date</translation>
    </message>
</context>
<context>
    <name>PartyEditDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>PartyFields</name>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>（未选择）</source>
        <translation>(not selected)</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>委托事项</source>
        <translation>Entrusted matters</translation>
    </message>
    <message>
        <source>委托权限</source>
        <translation>Authorized powers</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>委托期限</source>
        <translation>Authorization period</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>港澳居民来往内地通行证</source>
        <translation>Mainland Travel Permit for Hong Kong and Macao Residents</translation>
    </message>
    <message>
        <source>台湾居民来往大陆通行证</source>
        <translation>Mainland Travel Permit for Taiwan Residents</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation>Foreign Permanent Resident ID Card</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>填写证件号码时须选择证件类型</source>
        <translation>Choose an ID type when entering an ID number</translation>
    </message>
    <message>
        <source>投诉人姓名</source>
        <translation>Complainant name</translation>
    </message>
    <message>
        <source>ℹ 近{days}天内该{detail}已出现在 {count} 件案件中：{numbers}</source>
        <translation>ℹ {detail} already appears in {count} case(s) from the last {days} days: {numbers}</translation>
    </message>
    <message>
        <source>{business} — 投诉 {count} 件</source>
        <translation>{business} — {count} complaint(s)</translation>
    </message>
    <message>
        <source>ℹ 该商家已有 {count} 件投诉：{numbers}</source>
        <translation>ℹ This business already has {count} complaint(s): {numbers}</translation>
    </message>
</context>
<context>
    <name>PauseClockDialog</name>
    <message>
        <source>鉴定、检测期间不计入调解期限；回避申请决定前，调解中止。</source>
        <translation>Time spent on testing/appraisal does not count toward the mediation deadline; mediation is suspended until a recusal request is decided.</translation>
    </message>
    <message>
        <source>中止原因</source>
        <translation>Reason for pause</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ProgressWatcher</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProposalBox</name>
    <message>
        <source>待站长确认的提议</source>
        <translation>Proposal awaiting station head confirmation</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>{who} 于 {when} 提议{action}，决定日期 {day}。
理由：{article}{item}{text}
具体理由：{reason}</source>
        <translation>{who} proposed &quot;{action}&quot; on {when}, decision date {day}.
Ground: {article}{item} {text}
Specific reason: {reason}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>确认提议</source>
        <translation>Confirm proposal</translation>
    </message>
    <message>
        <source>确认 {who} 提议的“{action}”？</source>
        <translation>Confirm &quot;{action}&quot; as proposed by {who}?</translation>
    </message>
    <message>
        <source>已驳回提议，案件状态不变。</source>
        <translation>Proposal rejected; the case status is unchanged.</translation>
    </message>
    <message>
        <source>已确认：{action}</source>
        <translation>Confirmed: {action}</translation>
    </message>
</context>
<context>
    <name>RecordSessionDialog</name>
    <message>
        <source>{when} · {mode} · {place}</source>
        <translation>{when} · {mode} · {place}</translation>
    </message>
    <message>
        <source>未经安排的场次（在下面填写）</source>
        <translation>Unscheduled session (fill in below)</translation>
    </message>
    <message>
        <source>调解场次</source>
        <translation>Mediation session</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Mediation record</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>请站长现在把恢复密钥抄写在纸上，妥善保管。它只显示这一次；换电脑或重装系统时，凭它才能打开本站数据。</source>
        <translation>Station head: write the recovery key down on paper now and keep it safe. It is shown only this once; after a new computer or a reinstall, only it can open this station&apos;s data.</translation>
    </message>
    <message>
        <source>我已抄写</source>
        <translation>I have written it down</translation>
    </message>
    <message>
        <source>请输入恢复密钥的最后一组</source>
        <translation>Enter the last group of the recovery key</translation>
    </message>
    <message>
        <source>⚠ 与恢复密钥的最后一组不符，请核对抄写的内容</source>
        <translation>⚠ This does not match the last group of the recovery key; check what you wrote down</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>不予受理理由</source>
        <translation>Refusal ground</translation>
    </message>
</context>
<context>
    <name>RejectProposalDialog</name>
    <message>
        <source>驳回提议</source>
        <translation>Reject proposal</translation>
    </message>
    <message>
        <source>{who} 提议{action}。驳回后案件状态不变，驳回意见记录在案。</source>
        <translation>{who} proposed &quot;{action}&quot;. If rejected, the case status stays unchanged and your comments are recorded.</translation>
    </message>
    <message>
        <source>驳回意见</source>
        <translation>Rejection comments</translation>
    </message>
</context>
<context>
    <name>RemoveAttachmentBox</name>
    <message>
        <source>移除附件</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>从本案移除附件“{name}”？</source>
        <translation>Remove the attachment &quot;{name}&quot; from this case?</translation>
    </message>
    <message>
        <source>移除会记入办理记录；案件办结或作废后，附件不能再移除。</source>
        <translation>The removal is recorded in the case history. Once the case is closed or voided, attachments can no longer be removed.</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ResumeClockDialog</name>
    <message>
        <source>{kind} · {day} 起 · {detail}</source>
        <translation>{kind} · from {day} · {detail}</translation>
    </message>
    <message>
        <source>中止记录</source>
        <translation>Pause record</translation>
    </message>
    <message>
        <source>本案没有尚未结束的中止。</source>
        <translation>This case has no ongoing pause.</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>ScheduleSessionDialog</name>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>SessionFields</name>
    <message>
        <source>多人用“、”分隔；与当事人同名者须回避</source>
        <translation>Separate several names with commas; anyone with the same name as a party must recuse</translation>
    </message>
    <message>
        <source>调解时间</source>
        <translation>Mediation time</translation>
    </message>
    <message>
        <source>调解地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>调解方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>调解人员</source>
        <translation>Mediators</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>ⓘ 只有站长可以修改站点设置；这里只供查看。</source>
        <translation>ⓘ Only the station head can change the station&apos;s settings; here they are shown only.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>本站信息</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>站点类型</source>
        <translation>Station type</translation>
    </message>
    <message>
        <source>发文机关</source>
        <translation>Issuing office</translation>
    </message>
    <message>
        <source>文号前缀</source>
        <translation>Document number prefix</translation>
    </message>
    <message>
        <source>调解台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>无人操作这么久后，调解台自动锁定；解锁后一切如旧。</source>
        <translation>After this long without use the desk locks itself; unlocking restores everything as it was.</translation>
    </message>
    <message>
        <source>重启后生效</source>
        <translation>Takes effect after a restart</translation>
    </message>
    <message>
        <source>自动锁定</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>文书正文所用的字体；标题仍用内置的小标宋体。</source>
        <translation>The font the documents&apos; body text prints in; titles keep the bundled Xiaobiaosong face.</translation>
    </message>
    <message>
        <source>用内置仿宋</source>
        <translation>Use bundled FangSong</translation>
    </message>
    <message>
        <source>正文字体</source>
        <translation>Body font</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>默认：{folder}</source>
        <translation>Default: {folder}</translation>
    </message>
    <message>
        <source>默认位置</source>
        <translation>Default location</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>每天的自动备份保留最近这么多份，更早的删除。</source>
        <translation>Keep this many of the newest daily backups; older ones are deleted.</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>保留份数</source>
        <translation>Backups kept</translation>
    </message>
    <message>
        <source>景区消费维权服务站</source>
        <translation>Scenic-area consumer rights service station</translation>
    </message>
    <message>
        <source>消费教育基地</source>
        <translation>Consumer education base</translation>
    </message>
    <message>
        <source>正文字体：找不到这个字体文件，请重新选择，或改回内置仿宋</source>
        <translation>Body font: this font file cannot be found; choose again, or go back to the bundled FangSong</translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>内置仿宋 (FandolFang)</source>
        <translation>Bundled FangSong (FandolFang)</translation>
    </message>
    <message>
        <source>选择正文字体</source>
        <translation>Choose the body font</translation>
    </message>
    <message>
        <source>字体文件 (*.ttf *.ttc *.otf)</source>
        <translation>Font files (*.ttf *.ttc *.otf)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>{field}：{reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>用户名或密码不正确，请 {seconds} 秒后再试。</source>
        <translation>Incorrect username or password. Please wait {seconds} s and try again.</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>Incorrect username or password</translation>
    </message>
</context>
<context>
    <name>StartCheckDialog</name>
    <message>
        <source>开始核查本举报。核查期限自收到举报之日起十五个工作日（第三十五条）。</source>
        <translation>Start checking this report. The check deadline is 15 working days from the day the report was received (Article 35).</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>本站信息</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>站点名称和发文机关将印在每一份文书上，以后可在“设置”中修改。</source>
        <translation>The station name and issuing office are printed on every document; they can be changed later in Settings.</translation>
    </message>
    <message>
        <source>如：西湖景区消费维权服务站</source>
        <translation>e.g. 西湖景区消费维权服务站</translation>
    </message>
    <message>
        <source>景区消费维权服务站</source>
        <translation>Scenic-area consumer rights service station</translation>
    </message>
    <message>
        <source>消费教育基地</source>
        <translation>Consumer education base</translation>
    </message>
    <message>
        <source>如：杭州市西湖区市场监督管理局</source>
        <translation>e.g. 杭州市西湖区市场监督管理局</translation>
    </message>
    <message>
        <source>如：西市监投</source>
        <translation>e.g. 西市监投</translation>
    </message>
    <message>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>站点类型</source>
        <translation>Station type</translation>
    </message>
    <message>
        <source>发文机关</source>
        <translation>Issuing office</translation>
    </message>
    <message>
        <source>文号前缀</source>
        <translation>Document number prefix</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>{step} — {number}</source>
        <translation>{step} — {number}</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>案件 {number}：{step}</source>
        <translation>Case {number}: {step}</translation>
    </message>
    <message>
        <source>{field}：{reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>SyncDesk</name>
    <message>
        <source>与市局中心同步…</source>
        <translation>Sync with the bureau hub…</translation>
    </message>
    <message>
        <source>与市局中心同步（Ctrl+Shift+Y）</source>
        <translation>Sync with the bureau hub (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>同步状态读取失败</source>
        <translation>The sync status could not be read</translation>
    </message>
    <message>
        <source>正在读取同步状态…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message numerus="yes">
        <source>未同步 %n 条</source>
        <translation>
            <numerusform>%n change not synced</numerusform>
            <numerusform>%n changes not synced</numerusform>
        </translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>与市局中心同步</source>
        <translation>Sync with the bureau hub</translation>
    </message>
    <message>
        <source>同步在后台进行：关闭本窗口不会中断同步；要停止，请点“取消同步”。</source>
        <translation>The sync runs in the background: closing this window does not interrupt it. To stop it, click &quot;Cancel sync&quot;.</translation>
    </message>
    <message>
        <source>开始同步</source>
        <translation>Start sync</translation>
    </message>
    <message>
        <source>取消同步</source>
        <translation>Cancel sync</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>重新上传</source>
        <translation>Upload again</translation>
    </message>
    <message>
        <source>让被隔离的案件 {number} 重新上传？</source>
        <translation>Upload the quarantined case {number} again?</translation>
    </message>
    <message>
        <source>此案暂不上传的办理记录将在下次同步时发送到市局中心。中心仍可能再次拒收，那时此案会重新隔离，并显示中心新的原因。

中心上次拒收的原因：{reason}</source>
        <translation>The case&apos;s held records will be sent to the bureau hub at the next sync. The hub may refuse them again; the case is then quarantined again, with the hub&apos;s new reason.

The hub&apos;s last reason: {reason}</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>处理冲突…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <source>待上传</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>被拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>有冲突</source>
        <translation>In conflict</translation>
    </message>
    <message>
        <source>重新上传…</source>
        <translation>Upload again…</translation>
    </message>
    <message>
        <source>已隔离</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>核验</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>需要处理的案件</source>
        <translation>Cases needing attention</translation>
    </message>
    <message>
        <source>只有站长可以让被隔离的案件重新上传。</source>
        <translation>Only the station head may upload a quarantined case again.</translation>
    </message>
    <message>
        <source>正在同步：同步结束后才能重新上传。</source>
        <translation>A sync is running: upload again once it has ended.</translation>
    </message>
    <message>
        <source>在下方列表中选中一件被拒收的案件，让它在下次同步时重新上传。</source>
        <translation>Choose a refused case in the list below to upload it again at the next sync.</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>本次尚未同步。</source>
        <translation>No sync has run yet.</translation>
    </message>
    <message>
        <source>同步报告</source>
        <translation>Sync report</translation>
    </message>
    <message>
        <source>本站尚未登记到市局中心：请站长在“设置”的“市局中心”中登记。</source>
        <translation>This station is not registered with the bureau hub yet: the station head can register it under &quot;Bureau hub&quot; in Settings.</translation>
    </message>
    <message>
        <source>市局中心：{url}</source>
        <translation>Bureau hub: {url}</translation>
    </message>
    <message numerus="yes">
        <source>%n 条办理记录</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 条</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 件案件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>（其后的 {held} 条记录暂不上传）</source>
        <translation> (the {held} later changes are held back)</translation>
    </message>
    <message numerus="yes">
        <source>{number} · 有冲突（%n 个字段）</source>
        <translation>
            <numerusform>{number} · in conflict (%n field)</numerusform>
            <numerusform>{number} · in conflict (%n fields)</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} · 被拒收：{reason}</source>
        <translation>{number} · rejected: {reason}</translation>
    </message>
    <message>
        <source>中心拒收了此案的记录，此案暂停上传，请联系市局核对。</source>
        <translation>The hub rejected this case&apos;s changes, so uploads for this case are on hold. Contact the city bureau to check them.</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>正在准备（备份本站数据）…</source>
        <translation>Preparing (backing up station data)…</translation>
    </message>
    <message>
        <source>正在取消：等待当前请求结束…</source>
        <translation>Cancelling: waiting for the current request to finish…</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>从未核验同步</source>
        <translation>No verified sync yet</translation>
    </message>
    <message>
        <source>上次核验同步：{time}</source>
        <translation>Last verified sync: {time}</translation>
    </message>
    <message>
        <source>已备份本站数据</source>
        <translation>Station data backed up</translation>
    </message>
    <message>
        <source>上传附件</source>
        <translation>Uploading attachments</translation>
    </message>
    <message>
        <source>上传办理记录</source>
        <translation>Uploading changes</translation>
    </message>
    <message>
        <source>接收市局下发</source>
        <translation>Receiving from the city bureau</translation>
    </message>
    <message>
        <source>与中心核验</source>
        <translation>Verifying with the hub</translation>
    </message>
    <message>
        <source>{phase}：{done} / {total} 条</source>
        <translation>{phase}: {done} / {total} changes</translation>
    </message>
    <message>
        <source>{phase}：{done} / {total}</source>
        <translation>{phase}: {done} / {total}</translation>
    </message>
    <message>
        <source>已发送 {sent} · 已接收 {received}</source>
        <translation>Sent {sent} · received {received}</translation>
    </message>
    <message>
        <source>⚠ 本机时钟比市局中心慢 {minutes} 分钟，请校准本机时间。</source>
        <translation>⚠ This computer&apos;s clock is {minutes} minutes behind the bureau hub; please correct this computer&apos;s time.</translation>
    </message>
    <message>
        <source>⚠ 本机时钟比市局中心快 {minutes} 分钟，请校准本机时间。</source>
        <translation>⚠ This computer&apos;s clock is {minutes} minutes ahead of the bureau hub; please correct this computer&apos;s time.</translation>
    </message>
    <message>
        <source>✔ 同步完成，本站与市局中心核验一致。</source>
        <translation>✔ Sync complete: this station and the bureau hub verified as matching.</translation>
    </message>
    <message>
        <source>⚠ 同步未完成：本站与市局中心核验不一致。请稍后再同步；仍不一致时请联系市局。</source>
        <translation>⚠ Sync not complete: this station and the bureau hub do not match. Sync again later; if they still do not match, contact the city bureau.</translation>
    </message>
    <message>
        <source>上传：新记录 {sent} 条，中心已有 {duplicates} 条，冲突 {conflicts} 条，被拒收 {rejected} 条；附件 {attachments} 个。</source>
        <translation>Uploaded: {sent} new changes, {duplicates} already at the hub, {conflicts} in conflict, {rejected} rejected; {attachments} attachments.</translation>
    </message>
    <message>
        <source>接收：分送工单 {work_orders} 件，督办/撤回 {notices} 条，案件更新 {updates} 件，冲突 {conflicts} 处。</source>
        <translation>Received: {work_orders} dispatched work orders, {notices} supervision notices/withdrawals, {updates} case updates, {conflicts} conflicts.</translation>
    </message>
    <message>
        <source>同步前备份：{path}</source>
        <translation>Backup before sync: {path}</translation>
    </message>
    <message>
        <source>注意：{problem}</source>
        <translation>Note: {problem}</translation>
    </message>
    <message>
        <source>中心已确认的记录保留，其余的下次同步时再发送。</source>
        <translation>Changes the hub has confirmed are kept; the rest will be sent at the next sync.</translation>
    </message>
    <message>
        <source>⚠ 本站尚未登记到市局中心：请站长在“设置”的“市局中心”中登记。</source>
        <translation>⚠ This station is not registered with the bureau hub yet: the station head can register it under &quot;Bureau hub&quot; in Settings.</translation>
    </message>
    <message>
        <source>⚠ 无法连接市局中心，同步没有完成。请检查网络后再同步。</source>
        <translation>⚠ Cannot reach the bureau hub; the sync did not complete. Check the network connection and sync again.</translation>
    </message>
    <message>
        <source>⚠ 市局中心拒绝了本站的请求，同步没有完成。</source>
        <translation>⚠ The bureau hub refused this station&apos;s request; the sync did not complete.</translation>
    </message>
    <message>
        <source>⚠ 另一个同步正在进行，本次同步没有开始。</source>
        <translation>⚠ Another sync is running; this sync did not start.</translation>
    </message>
    <message>
        <source>⚠ 同步没有完成。</source>
        <translation>⚠ The sync did not complete.</translation>
    </message>
    <message>
        <source>⚠ 同步因意外错误中止，已记入日志。</source>
        <translation>⚠ The sync stopped because of an unexpected error, which has been logged.</translation>
    </message>
    <message>
        <source>同步已取消。中心已确认的记录保留，其余的下次同步时再发送。</source>
        <translation>Sync cancelled. Changes the hub has confirmed are kept; the rest will be sent at the next sync.</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <source>终止调解理由</source>
        <translation>Termination ground</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>作废的案件仍保留在册，并注明作废原因。</source>
        <translation>A voided case stays on file, marked with the reason for voiding.</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason for voiding</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>撤回说明</source>
        <translation>Withdrawal note</translation>
    </message>
    <message>
        <source>撤回日期</source>
        <translation>Withdrawal date</translation>
    </message>
</context>
<context>
    <name>WorkTodayPanel</name>
    <message>
        <source>编号</source>
        <translation>Case No.</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>标记已办</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>把选中的市局通知标记为已办，它不再列在这里。</source>
        <translation>Mark the selected bureau notice as done; it will no longer be listed here.</translation>
    </message>
    <message>
        <source>期限将至或已超期</source>
        <translation>Deadlines due or overdue</translation>
    </message>
    <message>
        <source>待回访</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>待站长确认</source>
        <translation>Awaiting the station head</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message numerus="yes">
        <source>期限将至或已超期（%n）</source>
        <translation>
            <numerusform>Deadline due or overdue (%n)</numerusform>
            <numerusform>Deadlines due or overdue (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>待回访（%n）</source>
        <translation>
            <numerusform>Follow-up due (%n)</numerusform>
            <numerusform>Follow-ups due (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>待站长确认（%n）</source>
        <translation>
            <numerusform>Awaiting the station head (%n)</numerusform>
            <numerusform>Awaiting the station head (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>市局通知（%n）</source>
        <translation>
            <numerusform>Bureau notice (%n)</numerusform>
            <numerusform>Bureau notices (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>待回访（{outcome}）</source>
        <translation>Follow-up due ({outcome})</translation>
    </message>
    <message>
        <source>{waiting}；{deadline}</source>
        <translation>{waiting}; {deadline}</translation>
    </message>
    <message>
        <source>{complainant} — {respondent}</source>
        <translation>{complainant} — {respondent}</translation>
    </message>
    <message>
        <source>{action}：{reason}</source>
        <translation>{action}: {reason}</translation>
    </message>
    <message>
        <source>{name} 提议于 {time}</source>
        <translation>Proposed by {name} on {time}</translation>
    </message>
    <message>
        <source>请于 {date} 前回复</source>
        <translation>Reply by {date}</translation>
    </message>
    <message>
        <source>收到于 {time}</source>
        <translation>Received {time}</translation>
    </message>
    <message>
        <source>（本站无此案件）</source>
        <translation>(case not at this station)</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>_FormPage</name>
    <message>
        <source>{field}：{reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>未能打印：打印机没有接受打印任务，请检查打印机后重试。</source>
        <translation>Could not print: the printer did not accept the print job. Check the printer and try again.</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>文件未能保存：{path}（{reason}）</source>
        <translation>The file could not be saved: {path} ({reason})</translation>
    </message>
</context>
<context>
    <name>show_error</name>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
</context>
</TS>
