import type { attachments as da } from '../da/attachments';

export const attachments: Record<keyof typeof da, string> = {
  'entity.attachment': 'The attachment',
  'interop.entity.attachments':
    'Attachments: name, type, size and the SHA-256 of the file (the files themselves travel in an export with files)',
  'leftovers.kind.attachment': 'attachments',

  'attachment.noStore': 'A database in memory cannot have attachments',
  'attachment.oneOwner': 'An attachment belongs to at most one visit, referral or LAG application',
  'attachment.otherCompany': 'Id {id} belongs to another company',
  'attachment.annexNeedsApplication':
    "Only a LAG application's attachments can be marked as business plan, quote or accounts",
  'attachment.nameEmpty': 'Type a name for the attachment',
  'attachment.tooLarge':
    'The file {name} is {mb} MB; attachments may be at most {max} MB. The limit can be changed in Settings.',
  'attachment.sourceMissing': 'The file does not exist: {path}',
  'attachment.missing': 'The file of the attachment {name} is no longer on disk. Use "Find again".',
  'attachment.executable': '{name} is a program or a file with macros. It is stored, but Bindeled does not open it.',
  'attachment.setting.notMegabytes': 'not a whole number of MB from 1 to 2000',
  'attachment.annex.business_plan': 'Business plan',
  'attachment.annex.quote': 'Quote',
  'attachment.annex.accounts': 'Accounts',
  'attachment.logOpened': 'Attachment opened',
  'attachment.logListed': 'Attachments shown',

  'attachments.title': 'Attachments',
  'attachments.none': 'No attachments yet.',
  'attachments.add': 'Add attachment…',
  'attachments.chooseTitle': 'Choose a file to attach',
  'attachments.allFiles': 'All files',
  'attachments.dropZone': 'Drag files here to attach them',
  'attachments.dropZoneBrowse': 'or choose a file',
  'attachments.dropZoneLabel': 'Drag files here, or choose a file to attach',
  'attachments.adding': 'Attaching {name}…',
  'attachments.added': '{name} is attached',
  'attachments.open': 'Open',
  'attachments.openLabel': 'Open {name}',
  'attachments.rename': 'Rename',
  'attachments.renameLabel': 'Rename {name}',
  'attachments.renameTitle': 'Rename attachment',
  'attachments.newName': 'New name',
  'attachments.remove': 'Remove',
  'attachments.removeLabel': 'Remove {name}',
  'attachments.removeTitle': 'Remove attachment',
  'attachments.removeConfirm': "Remove {name}? The file is deleted from Bindeled's attachments folder.",
  'attachments.removed': '{name} is removed',
  'attachments.findAgain': 'Find again',
  'attachments.findAgainLabel': 'Find {name} again',
  'attachments.missingBadge': 'Missing on disk',
  'attachments.executableBadge': 'Program – not opened',
  'attachments.sizeDetail': '{size} · {who} · {when}',
  'attachments.annexLabel': 'Attachment type',
  'attachments.annexNone': 'Other attachment',
  'attachments.checklist': 'Annexes to the application',
  'attachments.checklistMissing': 'not attached',
  'attachments.on.visit': 'Visit',
  'attachments.on.referral': 'Referral',
  'attachments.on.application': 'LAG application',

  'letter.lag.annexAttached': '{annex}: {files}',
  'letter.lag.annexNotAttached': '{annex} (not attached)',

  'caseloadZip.missingFile': 'The attachment {name} ({ref}) is missing from the zip file {file}',
  'caseloadZip.badHash':
    'The attachment {name} ({ref}) in the zip file {file} is not the file that was exported (the checksum does not match)',
  'caseloadZip.noJson': 'The zip file {file} contains no caseload.json',
  'caseloadZip.needsZip': 'An export with files writes a .zip file: {path}',
  'caseloadZip.storeMissing':
    'The file of the attachment {name} is not in the attachments folder and cannot be exported. Use "Find again" or remove the attachment.',

  'backup.attachmentsMissing':
    '{count} attachment files were missing from the attachments folder and are not in the backup',

  'cli.attach.summary': 'Attach a file to a company, a visit, a referral or a LAG application',
  'cli.attach.usage':
    'attach FILE --company CVR|ID [--visit ID | --referral ID | --application ID] [--name NAME] [--annex business_plan|quote|accounts] [--json]',
  'cli.attach.oneFile': 'Give exactly one file',
  'cli.attach.companyRequired': '--company is required (CVR or id)',
  'cli.attach.unknownAnnex': 'Unknown attachment type: {value}. Possible: {options}',
  'cli.attach.done': 'Attached: {name} ({size}, sha256 {sha}) to {company}',
  'cli.attachments.summary': "List a company's attachments",
  'cli.attachments.usage': 'attachments list --company CVR|ID [--json]',
  'cli.attachments.line': '{id}  {name}  {size}  {on}  {when}{flags}',
  'cli.attachments.missing': '  (missing on disk)',
  'cli.attachments.count': '{count} attachments',
  'cli.export.withFilesCaseloadOnly': '--with-files works only with --format caseload',
  'cli.restore.attachmentsMissing':
    '{count} attachment files were not beside the backup; they show as missing (Find again)',
  'cli.export.withFilesWritten': 'Written: {path} ({kb} kB, {files} attachment files)',
};
