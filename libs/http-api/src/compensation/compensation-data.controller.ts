import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal, ValidationFailedException } from '@comeback/platform';
import {
  BandJsonImportDto,
  CompensationDataService,
  CompensationImportQueryDto,
  CompensationImportReport,
  CompensationImportService,
  ImportSource,
  JsonImportDto,
  PageQueryDto,
  SnapshotJsonImportDto,
} from '@comeback/compensation';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskStorage } from 'multer';

const MAX_UPLOAD_BYTES = 512 * 1024 ** 2;
const upload = () =>
  UseInterceptors(
    FileInterceptor('file', {
      storage: diskStorage({ destination: tmpdir() }),
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
    }),
  );
const fileBody = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } };

/** Streams an uploaded CSV from its temp file and removes the file afterwards. */
async function fromUpload(
  file: Express.Multer.File | undefined,
  query: CompensationImportQueryDto,
  work: (source: ImportSource) => Promise<CompensationImportReport>,
): Promise<CompensationImportReport> {
  if (!file) throw new ValidationFailedException('Attach the CSV as multipart field "file"');
  try {
    return await work({
      kind: 'csv',
      input: createReadStream(file.path),
      encoding: query.encoding,
      fileName: file.originalname,
    });
  } finally {
    await unlink(file.path).catch(() => undefined);
  }
}

@ApiTags('offers: pay data')
@Controller('api/v1/offers')
export class CompensationDataController {
  constructor(
    private readonly imports: CompensationImportService,
    private readonly data: CompensationDataService,
  ) {}

  @Post('market-benchmarks/imports')
  @Authenticated('hr_admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @upload()
  importBenchmarksCsv(
    @CurrentPrincipal() p: Principal,
    @Query() q: CompensationImportQueryDto,
    @UploadedFile() file?: Express.Multer.File,
  ) {
    return fromUpload(file, q, (s) => this.imports.importBenchmarks(p, s));
  }

  @Post('market-benchmarks')
  @Authenticated('hr_admin')
  importBenchmarksJson(@CurrentPrincipal() p: Principal, @Body() body: JsonImportDto) {
    return this.imports.importBenchmarks(p, { kind: 'json', items: body.items });
  }

  @Get('market-benchmarks')
  @Authenticated('hr_admin')
  benchmarks(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto) {
    return this.data.benchmarks(p.tenantId, q.limit);
  }

  @Post('pay-bands/imports')
  @Authenticated('hr_admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @upload()
  importBandsCsv(
    @CurrentPrincipal() p: Principal,
    @Query() q: CompensationImportQueryDto,
    @UploadedFile() file?: Express.Multer.File,
  ) {
    return fromUpload(file, q, (s) => this.imports.importBands(p, s, { effectiveDate: q.effectiveDate }));
  }

  @Post('pay-bands')
  @Authenticated('hr_admin')
  importBandsJson(@CurrentPrincipal() p: Principal, @Body() body: BandJsonImportDto) {
    return this.imports.importBands(
      p,
      { kind: 'json', items: body.items },
      { effectiveDate: body.effectiveDate },
    );
  }

  @Get('pay-bands')
  @Authenticated('hr_admin')
  bands(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto) {
    return this.data.bands(p.tenantId, q.limit);
  }

  /** A new snapshot version of incumbent pay, effective on `effectiveDate` (required). */
  @Post('incumbent-snapshots/imports')
  @Authenticated('hr_admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @upload()
  importSnapshotCsv(
    @CurrentPrincipal() p: Principal,
    @Query() q: CompensationImportQueryDto,
    @UploadedFile() file?: Express.Multer.File,
  ) {
    if (!q.effectiveDate)
      throw new ValidationFailedException('effectiveDate (YYYY-MM-DD) is required for a snapshot');
    const effectiveDate = q.effectiveDate;
    return fromUpload(file, q, (s) => this.imports.importIncumbents(p, s, { effectiveDate }));
  }

  @Post('incumbent-snapshots')
  @Authenticated('hr_admin')
  importSnapshotJson(@CurrentPrincipal() p: Principal, @Body() body: SnapshotJsonImportDto) {
    return this.imports.importIncumbents(
      p,
      { kind: 'json', items: body.items },
      { effectiveDate: body.effectiveDate },
    );
  }

  @Get('incumbent-snapshots')
  @Authenticated('hr_admin')
  snapshots(@CurrentPrincipal() p: Principal) {
    return this.data.snapshots(p.tenantId);
  }

  /** Incumbent pay: hr_admin only, every read audited. */
  @Get('incumbent-snapshots/:snapshotId/incumbents')
  @Authenticated('hr_admin')
  incumbents(
    @CurrentPrincipal() p: Principal,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
    @Query() q: PageQueryDto,
  ) {
    return this.data.incumbents(p, snapshotId, { limit: q.limit, after: q.after });
  }
}
