import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import { ReviewConfirmDto, ReviewListQueryDto, ReviewQueueService } from '@comeback/pipeline';

/** Uncertain matches: evidence side by side; confirm → the pipeline continues, reject → remembered. */
@ApiTags('review queue')
@Controller('api/v1/review-items')
@Authenticated('hr_admin', 'recruiter')
export class ReviewQueueController {
  constructor(private readonly review: ReviewQueueService) {}

  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: ReviewListQueryDto) {
    return this.review.list(p, q.status, q.limit);
  }

  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.review.get(p, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  confirm(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewConfirmDto,
  ) {
    return this.review.confirm(p, id, body.employeeNumber);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.review.reject(p, id);
  }
}
