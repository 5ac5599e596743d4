import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal, ValidationFailedException } from '@comeback/platform';
import {
  AlumniImportService,
  AlumniPageDto,
  AlumniService,
  AlumnusDetailDto,
  ImportQueryDto,
  ImportReport,
  LiftSuppressionDto,
  SearchAlumniQueryDto,
} from '@comeback/registry';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskStorage } from 'multer';

const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

@ApiTags('registry')
@Controller('api/v1/registry')
export class RegistryController {
  constructor(
    private readonly alumni: AlumniService,
    private readonly imports: AlumniImportService,
  ) {}

  /** Multipart upload (field `file`). The upload goes to a temp file and is streamed from there. */
  @Post('imports')
  @Authenticated('hr_admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(
    FileInterceptor('file', {
      storage: diskStorage({ destination: tmpdir() }),
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
    }),
  )
  async import(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ImportQueryDto,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<ImportReport> {
    if (!file) throw new ValidationFailedException('Attach the CSV as multipart field "file"');
    try {
      return await this.imports.import(principal, createReadStream(file.path), {
        mode: query.mode,
        encoding: query.encoding,
        fileName: file.originalname,
      });
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }

  @Get('alumni')
  @Authenticated('hr_admin', 'recruiter')
  search(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SearchAlumniQueryDto,
  ): Promise<AlumniPageDto> {
    return this.alumni.search(principal, query);
  }

  @Get('alumni/:employeeNumber')
  @Authenticated('hr_admin', 'recruiter')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('employeeNumber') employeeNumber: string,
  ): Promise<AlumnusDetailDto> {
    return this.alumni.get(principal, employeeNumber);
  }

  /**
   * Erasure: the record, every copy other features keep of the person, in one transaction; the person's
   * identity keys go on the suppression list (keyed hashes) so a later import skips them.
   */
  /**
   * Erases the person everywhere we keep them (one transaction) and keeps them out of later imports. The answer
   * lists the ATS applications carrying notes we wrote, which HR must delete in the ATS itself.
   */
  @Delete('alumni/:employeeNumber')
  @HttpCode(200)
  @Authenticated('hr_admin')
  erase(@CurrentPrincipal() principal: Principal, @Param('employeeNumber') employeeNumber: string) {
    return this.alumni.erase(principal, employeeNumber);
  }

  /** Lifts an erased person's suppression: the next import may bring them back. Audited. */
  @Post('suppressions/lift')
  @HttpCode(200)
  @Authenticated('hr_admin')
  liftSuppression(
    @CurrentPrincipal() principal: Principal,
    @Body() body: LiftSuppressionDto,
  ): Promise<{ lifted: string[] }> {
    return this.alumni.liftSuppression(principal, body.employeeNumber);
  }
}
