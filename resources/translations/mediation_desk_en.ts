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
    <name>CaseDetailView</name>
    <message>
        <source>期限</source>
        <translation>Deadlines</translation>
    </message>
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
        <source>已提交站长确认：“{step}”须经站长确认后生效，案件状态暂不改变。</source>
        <translation>Submitted for station head confirmation: &quot;{step}&quot; takes effect once the station head confirms it; the case status is unchanged for now.</translation>
    </message>
    <message>
        <source>已办理：{step}</source>
        <translation>Done: {step}</translation>
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
    <name>CaseFactsTab</name>
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
        <source>按最近期限排序要逐件计算期限，只在未结案件不超过 {limit} 件时可用；更多时请先筛选。</source>
        <translation>Sorting by next deadline computes each case&apos;s deadline, so it is available only when at most {limit} open cases match; with more, filter first.</translation>
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
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse (not accepted)</translation>
    </message>
    <message>
        <source>调解中</source>
        <translation>In mediation</translation>
    </message>
    <message>
        <source>调解成功</source>
        <translation>Mediation successful</translation>
    </message>
    <message>
        <source>终止调解</source>
        <translation>Terminate mediation</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>核查中</source>
        <translation>Being checked</translation>
    </message>
    <message>
        <source>已立案</source>
        <translation>Case filed</translation>
    </message>
    <message>
        <source>不予立案</source>
        <translation>Not filed</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>安排调解</source>
        <translation>Schedule mediation</translation>
    </message>
    <message>
        <source>记录调解</source>
        <translation>Record mediation</translation>
    </message>
    <message>
        <source>中止计时（鉴定检测/回避）</source>
        <translation>Pause clock (testing/appraisal, recusal)</translation>
    </message>
    <message>
        <source>恢复计时</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <source>告知终止调解</source>
        <translation>Notify termination</translation>
    </message>
    <message>
        <source>撤回投诉</source>
        <translation>Withdraw complaint</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>开始核查</source>
        <translation>Start check</translation>
    </message>
    <message>
        <source>延长核查期限</source>
        <translation>Extend check deadline</translation>
    </message>
    <message>
        <source>立案决定</source>
        <translation>Filing decision</translation>
    </message>
    <message>
        <source>答复咨询</source>
        <translation>Answer inquiry</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>修改当事人信息</source>
        <translation>Edit party details</translation>
    </message>
    <message>
        <source>提议不予受理（待站长确认）</source>
        <translation>Propose refusal (awaiting station head confirmation)</translation>
    </message>
    <message>
        <source>提议终止调解（待站长确认）</source>
        <translation>Propose terminating mediation (awaiting station head confirmation)</translation>
    </message>
    <message>
        <source>站长驳回不予受理提议</source>
        <translation>Station head rejected the refusal proposal</translation>
    </message>
    <message>
        <source>站长驳回终止调解提议</source>
        <translation>Station head rejected the termination proposal</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Case No.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>平台工单号</source>
        <translation>Platform ticket no.</translation>
    </message>
    <message>
        <source>承办调解员</source>
        <translation>Assigned mediator</translation>
    </message>
    <message>
        <source>请求事项</source>
        <translation>Request</translation>
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
        <source>决定日期</source>
        <translation>Decision date</translation>
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
        <source>开始调解日期</source>
        <translation>Mediation start date</translation>
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
        <source>制作调解书</source>
        <translation>Mediation agreement document issued</translation>
    </message>
    <message>
        <source>挽回经济损失</source>
        <translation>Economic loss recovered</translation>
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
        <source>撤回说明</source>
        <translation>Withdrawal note</translation>
    </message>
    <message>
        <source>核查期限已延长</source>
        <translation>Check deadline extended</translation>
    </message>
    <message>
        <source>立案决定理由</source>
        <translation>Filing decision reason</translation>
    </message>
    <message>
        <source>答复内容</source>
        <translation>Answer</translation>
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
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>理由项</source>
        <translation>Ground</translation>
    </message>
    <message>
        <source>调解场次</source>
        <translation>Mediation session</translation>
    </message>
    <message>
        <source>调解时间</source>
        <translation>Mediation time</translation>
    </message>
    <message>
        <source>调解地点</source>
        <translation>Mediation venue</translation>
    </message>
    <message>
        <source>调解方式</source>
        <translation>Mediation mode</translation>
    </message>
    <message>
        <source>调解人员</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Mediation record</translation>
    </message>
    <message>
        <source>中止计时</source>
        <translation>Clock pause</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>回访方式</source>
        <translation>Follow-up method</translation>
    </message>
    <message>
        <source>联系上当事人</source>
        <translation>Party reached</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>提议</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>姓名或名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
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
        <source>联系人</source>
        <translation>Contact person</translation>
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
        <source>委托期限起</source>
        <translation>Authorization valid from</translation>
    </message>
    <message>
        <source>委托期限止</source>
        <translation>Authorization valid to</translation>
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
        <source>来人来访</source>
        <translation>Walk-in visit</translation>
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
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>被投诉人</source>
        <translation>Respondent</translation>
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
        <source>委托代理人</source>
        <translation>Authorized agent</translation>
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
        <source>其他证件</source>
        <translation>Other ID</translation>
    </message>
    <message>
        <source>现场</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>网络</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>音频</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>鉴定检测</source>
        <translation>Testing/appraisal</translation>
    </message>
    <message>
        <source>回避申请</source>
        <translation>Recusal request</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>受理决定期限</source>
        <translation>Acceptance decision deadline</translation>
    </message>
    <message>
        <source>调解期限</source>
        <translation>Mediation deadline</translation>
    </message>
    <message>
        <source>终止调解告知期限</source>
        <translation>Termination notice deadline</translation>
    </message>
    <message>
        <source>举报核查期限</source>
        <translation>Report check deadline</translation>
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
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
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
    <name>show_error</name>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
</context>
</TS>
